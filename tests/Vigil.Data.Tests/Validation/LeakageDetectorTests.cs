using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Validation;
using Xunit;

namespace Vigil.Data.Tests.Validation;

public sealed class LeakageDetectorTests
{
    private static readonly ValidationOptions Options = new(target: "y", minRows: 0, minClassCount: 0);

    private static double[] Make(int rows, Func<int, double> value) => [.. Enumerable.Range(0, rows).Select(value)];

    private static Float64Column Indicator(string name, int rows, params int[] ones) => new(name, Make(rows, i => ones.Contains(i) ? 1 : 0));

    private static IReadOnlyList<LeakageSuspect> Suspects(params Column[] columns) =>
        DataValidator.Validate(new DataFrame(columns), Options).LeakageSuspects;

    [Fact]
    public void Validate_ValueImpliesRareClass_FlagsColumnWithEvidence()
    {
        // 40 rows, y = 1 in rows 0..5 (base rate 6/40 = 15%); code = X in rows 0..4, all positive: precision 1, lift 6.7.
        var y = Indicator("y", 40, 0, 1, 2, 3, 4, 5);
        var code = CategoricalColumn.FromValues("code", [.. Enumerable.Range(0, 40).Select(i => i < 5 ? "X" : "Y")]);
        var feature = new Float64Column("feature", Make(40, i => i % 7));

        var suspects = Suspects(y, code, feature);

        var s = suspects.ShouldHaveSingleItem();
        s.Column.ShouldBe("code");
        s.Rule.ShouldBe(LeakageRule.ValueImpliesTarget);
        s.Score.ShouldBe(1.0);
        s.Evidence.ShouldBe("code = X in 5 rows and 'y' = 1 in 5 of them (100.0%), 6.7x the base rate of 15.00%");
    }

    [Fact]
    public void Validate_RareIndicatorWithoutDecomposition_IsNotFlagged()
    {
        // rare: one positive and one negative row; pure: 3 rows, all positive, but below the support of 5.
        var y = Indicator("y", 40, 0, 1, 2, 3, 4, 5);
        var rare = Indicator("rare", 40, 0, 20);
        var pure = Indicator("pure", 40, 0, 1, 2);

        Suspects(y, rare, pure).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ExactCopyOfBalancedTarget_FlaggedAsNearCopy()
    {
        // Balanced 10/10 target: lift can be at most 2, so only the near-copy rule can see the copy.
        var y = new Float64Column("y", Make(20, i => i % 2));
        var copy = CategoricalColumn.FromValues("copy", [.. Enumerable.Range(0, 20).Select(i => i % 2 == 1 ? "yes" : "no")]);

        var s = Suspects(y, copy).ShouldHaveSingleItem();

        s.Column.ShouldBe("copy");
        s.Rule.ShouldBe(LeakageRule.NearCopy);
        s.Score.ShouldBe(1.0);
        s.Evidence.ShouldBe("mapping its 2 values to classes reproduces 'y' with balanced agreement 100.00% over 20 rows");
    }

    [Fact]
    public void Validate_CopyWithOneFlip_BalancedAgreementBelowThreshold_NotFlagged()
    {
        // One positive row (1) says "no": recall of class 1 is 9/10, of class 0 10/10, balanced 0.95 < 0.99.
        var y = new Float64Column("y", Make(20, i => i % 2));
        var noisy = CategoricalColumn.FromValues("noisy", [.. Enumerable.Range(0, 20).Select(i => i % 2 == 1 && i != 1 ? "yes" : "no")]);

        Suspects(y, noisy).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NumericSeparatingBinaryTarget_FlaggedByRankAuc()
    {
        // y = 1 when i % 3 == 0 (10 of 30). honest = i + 0.5: positive ranks 1, 4, ..., 28 sum to 145,
        // U = 145 - 55 = 90, AUC = 90 / 200 = 0.45. leak = 1000 y + i + 0.5 puts every positive on top: AUC 1.
        var y = new Float64Column("y", Make(30, i => i % 3 == 0 ? 1 : 0));
        var honest = new Float64Column("honest", Make(30, i => i + 0.5));
        var leak = new Float64Column("leak", Make(30, i => (i % 3 == 0 ? 1000 : 0) + i + 0.5));

        var s = Suspects(y, honest, leak).ShouldHaveSingleItem();

        s.Column.ShouldBe("leak");
        s.Rule.ShouldBe(LeakageRule.RankAuc);
        s.Score.ShouldBe(1.0);
        s.Evidence.ShouldBe("rank AUC 1.0000 for 'y' = 1 over 30 rows (higher values mean 1)");
    }

    [Fact]
    public void Validate_MonotoneCopyOfNumericTarget_FlaggedByRankCorrelation()
    {
        // 30 distinct values: a numeric (regression) target. exp(y / 10) is monotone in y: Spearman rho = 1.
        var y = new Float64Column("y", Make(30, i => (1.5 * i) + 0.25));
        var leak = new Float64Column("leak", Make(30, i => Math.Exp(((1.5 * i) + 0.25) / 10)));
        var honest = new Float64Column("honest", Make(30, i => (i * 7 % 30) + 0.5));

        var s = Suspects(y, leak, honest).ShouldHaveSingleItem();

        s.Column.ShouldBe("leak");
        s.Rule.ShouldBe(LeakageRule.RankCorrelation);
        s.Score.ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void Validate_TargetRolledUpFromIndicators_FlagsRareSiblingIndicator()
    {
        // 60 rows, y = 1 in rows 0..9 (rate 1/6). a (rows 0..4) and b (rows 4..8) each imply y = 1 (lift 6);
        // a OR b covers 9 of 10 positives (90%) at 100% precision. c = 1 in rows 9 and 30 (3.33% < 16.67%): a sibling.
        // common (50%) is more frequent than the target and level (0..3) is not an indicator: neither is flagged.
        const int Rows = 60;
        var suspects = Suspects(
            Indicator("y", Rows, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
            Indicator("a", Rows, 0, 1, 2, 3, 4),
            Indicator("b", Rows, 4, 5, 6, 7, 8),
            Indicator("c", Rows, 9, 30),
            new Float64Column("common", Make(Rows, i => i % 2)),
            new Float64Column("level", Make(Rows, i => i % 4)));

        suspects.Select(s => s.Column).ShouldBe(["a", "b", "c"]);
        var c = suspects[2];
        c.Rule.ShouldBe(LeakageRule.TargetDecomposition);
        c.Score.ShouldBe(0.45, 1e-12);
        c.Evidence.ShouldBe(
            "'y' = 1 is rebuilt by a OR b for 9 of 10 positives (90.0%) at 100.0% precision, so the target rolls up outcome labels; " +
            "c is a 0/1 indicator of the same family, rarer than the target (3.33% < 16.67%; only 1 of its 2 rows with c = 1 have 'y' = 1)");
    }

    [Fact]
    public void Validate_SingleImplyingIndicator_NoDecompositionSoSiblingNotFlagged()
    {
        // Only a implies y: one column is not a family (default minimum 2), and it explains only 50% of positives.
        const int Rows = 60;
        var suspects = Suspects(
            Indicator("y", Rows, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
            Indicator("a", Rows, 0, 1, 2, 3, 4),
            Indicator("c", Rows, 9, 30));

        suspects.Select(s => s.Column).ShouldBe(["a"]);
    }

    [Fact]
    public void Validate_IdentifierThatSeparatesTarget_IsIdentifierNotLeakage()
    {
        // id is a unique integer per row (an identifier) whose order happens to separate y perfectly (AUC 1).
        var y = new Float64Column("y", Make(30, i => i % 3 == 0 ? 1 : 0));
        var id = new Float64Column("id", Make(30, i => (i % 3 == 0 ? 1000 : 0) + i));

        var report = DataValidator.Validate(new DataFrame([y, id]), Options);

        report.LeakageSuspects.ShouldBeEmpty();
        report.IdentifierColumns.ShouldBe(["id"]);
    }

    [Fact]
    public void Validate_LeakageDisabled_FindsNothing()
    {
        var y = new Float64Column("y", Make(20, i => i % 2));
        var copy = new Float64Column("copy", Make(20, i => i % 2));
        var options = new ValidationOptions(target: "y", minRows: 0, leakage: new LeakageOptions(enabled: false));

        DataValidator.Validate(new DataFrame([y, copy]), options).LeakageSuspects.ShouldBeEmpty();
    }
}
