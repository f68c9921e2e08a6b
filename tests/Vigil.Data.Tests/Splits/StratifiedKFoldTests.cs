using Shouldly;
using Vigil.Data.Splits;
using Xunit;

namespace Vigil.Data.Tests.Splits;

public sealed class StratifiedKFoldTests
{
    [Fact]
    public void Split_Unshuffled_DealsEachClassRoundRobin()
    {
        // class 0 rows 0,1,2,5 -> folds 0,1,0,1; class 1 rows 3,4,6 continue at fold 0 -> 0,1,0.
        var folds = StratifiedKFold.Split([0, 0, 0, 1, 1, 0, 1], 2, shuffle: false);

        folds[0].Test.ToArray().ShouldBe([0, 2, 3, 6]);
        folds[1].Test.ToArray().ShouldBe([1, 4, 5]);
    }

    [Fact]
    public void Split_Imbalanced_ClassCountsDifferByAtMostOnePerFold()
    {
        int[] labels = [.. Enumerable.Repeat(0, 97), .. Enumerable.Repeat(1, 13), .. Enumerable.Repeat(2, 7)];

        var folds = StratifiedKFold.Split(labels, 5, seed: 3);

        folds.SelectMany(f => f.Test.ToArray()).Order().ShouldBe(Enumerable.Range(0, labels.Length));
        for (var c = 0; c < 3; c++)
        {
            var counts = folds.Select(f => f.Test.ToArray().Count(r => labels[r] == c)).ToArray();
            (counts.Max() - counts.Min()).ShouldBeLessThanOrEqualTo(1);
        }

        (folds.Max(f => f.TestCount) - folds.Min(f => f.TestCount)).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Split_SameSeed_SameFolds()
    {
        int[] labels = [.. Enumerable.Range(0, 60).Select(i => i % 3 == 0 ? 1 : 0)];

        StratifiedKFold.Split(labels, 3, seed: 9)[2].Test.ToArray().ShouldBe(StratifiedKFold.Split(labels, 3, seed: 9)[2].Test.ToArray());
        StratifiedKFold.Split(labels, 3, seed: 9)[2].Test.ToArray().ShouldNotBe(StratifiedKFold.Split(labels, 3, seed: 10)[2].Test.ToArray());
    }

    [Fact]
    public void Split_EveryClassSmallerThanFoldCount_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => StratifiedKFold.Split([0, 0, 1, 1, 2, 2], 3)).Message.ShouldContain("largest class has only 2 rows");

    [Fact]
    public void Split_MoreFoldsThanRows_Throws() =>
        Should.Throw<ArgumentException>(() => StratifiedKFold.Split([0, 1], 3)).Message.ShouldContain("3 folds from 2 rows");
}
