using Shouldly;
using Vigil.Data.Splits;
using Xunit;

namespace Vigil.Data.Tests.Splits;

public sealed class KFoldTests
{
    [Fact]
    public void Split_Unshuffled_GivesConsecutiveBlocksLargerFirst()
    {
        var folds = KFold.Split(7, 3);

        folds.Select(f => f.Test.ToArray()).ShouldBe([[0, 1, 2], [3, 4], [5, 6]]);
        folds[1].Train.ToArray().ShouldBe([0, 1, 2, 5, 6]);
    }

    [Fact]
    public void Split_Shuffled_TestsEveryRowOnceAndDependsOnSeed()
    {
        var a = KFold.Split(50, 4, shuffle: true, seed: 1);
        var b = KFold.Split(50, 4, shuffle: true, seed: 1);
        var c = KFold.Split(50, 4, shuffle: true, seed: 2);

        a.SelectMany(f => f.Test.ToArray()).Order().ShouldBe(Enumerable.Range(0, 50));
        a.Select(f => f.TestCount).ShouldBe([13, 13, 12, 12]);
        a.All(f => f.TrainCount + f.TestCount == 50 && !f.Train.ToArray().Intersect(f.Test.ToArray()).Any()).ShouldBeTrue();
        a[0].Test.ToArray().ShouldBe(b[0].Test.ToArray());
        a[0].Test.ToArray().ShouldNotBe(c[0].Test.ToArray());
        a[0].Test.ToArray().ShouldBe(a[0].Test.ToArray().Order());
    }

    [Fact]
    public void Split_MoreFoldsThanRows_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => KFold.Split(3, 4)).Message.ShouldContain("4 folds from 3 rows");

    [Fact]
    public void Split_OneFold_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => KFold.Split(10, 1));
}
