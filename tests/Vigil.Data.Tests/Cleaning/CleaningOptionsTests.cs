using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class CleaningOptionsTests
{
    [Fact]
    public void Default_Values_AsDocumented()
    {
        var o = CleaningOptions.Default;

        (o.NormalizeNames, o.SnakeCaseNames, o.NormalizeTerms, o.FoldTermCase).ShouldBe((true, false, true, true));
        (o.MaxMissingFraction, o.DropDuplicates, o.DropRowsWithMissingTarget).ShouldBe((0.5, true, true));
        (o.NumericImputation, o.CategoricalImputation, o.EdgeGaps).ShouldBe((ImputationRule.Median, ImputationRule.Mode, EdgeGapPolicy.NearestObserved));
        (o.OutlierMethod, o.ZScoreThreshold, o.IqrMultiplier, o.OutlierAction).ShouldBe((OutlierMethod.ZScore, 3.0, 1.5, OutlierAction.Flag));
    }

    [Fact]
    public void Ctor_SeveralInvalidSettings_OneExceptionListsAll()
    {
        var ex = Should.Throw<ArgumentException>(() => new CleaningOptions(
            target: " ", maxMissingFraction: 1.5, zScoreThreshold: 0, iqrMultiplier: -1, categoricalImputation: ImputationRule.Mean,
            synonyms: new Dictionary<string, string> { ["low"] = "L", ["LOW "] = "M" }));

        ex.Message.ShouldContain("target must be null or a column name.");
        ex.Message.ShouldContain("maxMissingFraction must be in [0, 1] (was 1.5).");
        ex.Message.ShouldContain("zScoreThreshold must be positive and finite (was 0).");
        ex.Message.ShouldContain("iqrMultiplier must be non-negative and finite (was -1).");
        ex.Message.ShouldContain("categoricalImputation cannot be Mean: it needs numbers.");
        ex.Message.ShouldContain("synonyms maps 'LOW' to both 'L' and 'M'.");
    }

    [Fact]
    public void ImputationRule_ConstantWithoutValueOrValueWithoutConstant_Throws()
    {
        Should.Throw<ArgumentException>(() => new ImputationRule(ImputationMethod.Constant));
        Should.Throw<ArgumentException>(() => new ImputationRule(ImputationMethod.Mean, numericValue: 1));
        Should.Throw<ArgumentException>(() => ImputationRule.Constant(double.NaN));
    }

    [Fact]
    public void Fit_ReferencesToAbsentColumns_OneExceptionNamesAll()
    {
        var ex = Should.Throw<ArgumentException>(() => DataCleaner.Fit(
            Frame(new Float64Column("a", [1])), new CleaningOptions(target: "label", groupColumn: "machine", outlierColumns: ["b"])));

        ex.Message.ShouldContain("target 'label' is not a column of the frame.");
        ex.Message.ShouldContain("groupColumn 'machine' is not a column of the frame.");
        ex.Message.ShouldContain("outlier column 'b' is not a column of the frame.");
    }

    [Fact]
    public void Fit_RuleOnProtectedColumn_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => DataCleaner.Fit(
            Frame(new Float64Column("y", [1, NaN, 0])),
            new CleaningOptions(protectedColumns: ["y"], columnImputation: new Dictionary<string, ImputationRule> { ["y"] = ImputationRule.Mean })));

        ex.Message.ShouldContain("column 'y' is protected and cannot have an imputation rule.");
    }

    [Fact]
    public void Fit_TextTimeColumn_Throws()
    {
        Should.Throw<ArgumentException>(() => DataCleaner.Fit(Frame(new StringColumn("t", ["x"])), new CleaningOptions(timeColumn: "t")))
            .Message.ShouldContain("timeColumn 't' must be a timestamp or numeric column, not String.");
    }
}
