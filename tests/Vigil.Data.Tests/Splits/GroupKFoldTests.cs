using Shouldly;
using Vigil.Data.Splits;
using Xunit;

namespace Vigil.Data.Tests.Splits;

public sealed class GroupKFoldTests
{
    [Fact]
    public void Split_Groups_LargestFirstIntoLightestFold()
    {
        // sizes a 2, b 1, c 3, d 1 -> c to fold 0, a to fold 1, b to fold 1 (2 < 3), d to fold 0 (3 = 3, lowest fold).
        string[] groups = ["a", "a", "b", "c", "c", "c", "d"];

        var folds = GroupKFold.Split<string>(groups, 2);

        folds[0].Test.ToArray().ShouldBe([3, 4, 5, 6]);
        folds[1].Test.ToArray().ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void Split_ManyGroups_NeverSplitsAGroup()
    {
        int[] groups = [.. Enumerable.Range(0, 200).Select(i => (i * 7919) % 23)];

        var folds = GroupKFold.Split<int>(groups, 5);

        foreach (var fold in folds)
        {
            var testGroups = fold.Test.ToArray().Select(r => groups[r]).ToHashSet();
            fold.Train.ToArray().ShouldAllBe(r => !testGroups.Contains(groups[r]));
        }

        folds.SelectMany(f => f.Test.ToArray()).Order().ShouldBe(Enumerable.Range(0, 200));
    }

    [Fact]
    public void Split_FewerGroupsThanFolds_ThrowsClearly() =>
        Should.Throw<ArgumentException>(() => GroupKFold.Split<int>([1, 1, 2, 2], 3)).Message.ShouldContain("3 folds from 2 groups");
}
