using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class NameAndTermTests
{
    private static readonly CleaningOptions Plain = new(outlierMethod: OutlierMethod.None, dropDuplicates: false);

    [Fact]
    public void Clean_NamesWithStrayWhitespace_TrimmedAndCollapsed()
    {
        var frame = Frame(new Float64Column("  Torque   [Nm] ", [1]), new Float64Column("Tool\twear", [2]));

        var result = DataCleaner.Clean(frame, Plain);

        result.Frame.ColumnNames.ShouldBe(["Torque [Nm]", "Tool wear"]);
        result.Report.RenamedColumns.ShouldBe([new ColumnRename("  Torque   [Nm] ", "Torque [Nm]"), new ColumnRename("Tool\twear", "Tool wear")]);
    }

    [Fact]
    public void Clean_SnakeCase_RewritesNamesAndKeepsProtectedOnes()
    {
        var frame = Frame(
            new Float64Column("Air temperature [K]", [1]), new Float64Column("rotationalSpeed", [2]),
            new Float64Column("Machine failure", [0]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(target: "Machine failure", snakeCaseNames: true, outlierMethod: OutlierMethod.None));

        result.Frame.ColumnNames.ShouldBe(["air_temperature_k", "rotational_speed", "Machine failure"]);
    }

    [Fact]
    public void Clean_NamesCollideAfterNormalizing_SecondGetsSuffix()
    {
        var frame = Frame(new Float64Column("a b", [1]), new Float64Column("a  b", [2]));

        DataCleaner.Clean(frame, Plain).Frame.ColumnNames.ShouldBe(["a b", "a b_2"]);
    }

    [Fact]
    public void Clean_OptionsReferToOriginalOrNormalizedName_BothResolve()
    {
        var frame = Frame(new Float64Column("Torque [Nm]", [1, NaN, 3]), new Float64Column("Tool wear", [1, NaN, 5]));
        var rules = new Dictionary<string, ImputationRule> { ["Torque [Nm]"] = ImputationRule.Constant(0), ["tool_wear"] = ImputationRule.Constant(9) };

        var result = DataCleaner.Clean(frame, new CleaningOptions(snakeCaseNames: true, columnImputation: rules, outlierMethod: OutlierMethod.None));

        Values(result.Frame, "torque_nm").ShouldBe([1, 0, 3]);
        Values(result.Frame, "tool_wear").ShouldBe([1, 9, 5]);
    }

    [Fact]
    public void Clean_SynonymsAndCaseFolding_MapToCanonicalTerms()
    {
        // "l" folds with "L" and the synonym target "L" wins; "M" and "m" tie and the ordinally smallest "M" wins.
        var frame = Frame(CategoricalColumn.FromValues("Type", ["L", " l", "low", "LO", "M", "m ", "H", "High"]));
        var options = new CleaningOptions(
            synonyms: new Dictionary<string, string> { ["low"] = "L", ["lo"] = "L" },
            columnSynonyms: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Type"] = new Dictionary<string, string> { ["high"] = "H" } },
            outlierMethod: OutlierMethod.None, dropDuplicates: false);

        var result = DataCleaner.Clean(frame, options);

        Texts(result.Frame, "Type").ShouldBe(["L", "L", "L", "L", "M", "M", "H", "H"]);
        result.Frame.Get<CategoricalColumn>("Type").Categories.ShouldBe(["L", "M", "H"]);
        result.Report.NormalizedTerms.ShouldBe([
            new TermChange("Type", " l", "L", 1), new TermChange("Type", "low", "L", 1), new TermChange("Type", "LO", "L", 1),
            new TermChange("Type", "m ", "M", 1), new TermChange("Type", "High", "H", 1)]);
    }

    [Fact]
    public void Clean_CaseVariantsWithoutSynonym_TakeMostFrequentSpelling()
    {
        var frame = Frame(CategoricalColumn.FromValues("s", ["ok", "OK", "OK"]));

        var result = DataCleaner.Clean(frame, Plain);

        Texts(result.Frame, "s").ShouldBe(["OK", "OK", "OK"]);
        result.Report.NormalizedTerms.ShouldBe([new TermChange("s", "ok", "OK", 1)]);
    }

    [Fact]
    public void Clean_NoCaseFolding_SynonymsMatchExactlyAndCaseIsKept()
    {
        var frame = Frame(CategoricalColumn.FromValues("Type", ["low", "LOW", " l"]));
        var options = new CleaningOptions(foldTermCase: false, synonyms: new Dictionary<string, string> { ["low"] = "L" }, outlierMethod: OutlierMethod.None);

        Texts(DataCleaner.Clean(frame, options).Frame, "Type").ShouldBe(["L", "LOW", "l"]);
    }

    [Fact]
    public void Clean_BlankTerm_BecomesMissing()
    {
        var frame = Frame(CategoricalColumn.FromValues("s", ["a", "  "]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(categoricalImputation: ImputationRule.None, outlierMethod: OutlierMethod.None));

        Texts(result.Frame, "s").ShouldBe(["a", null]);
        result.Report.NormalizedTerms.ShouldBe([new TermChange("s", "  ", null, 1)]);
    }

    [Fact]
    public void Clean_ProtectedCategorical_TermsUntouched()
    {
        var frame = Frame(CategoricalColumn.FromValues("label", ["yes", "YES"]));

        Texts(DataCleaner.Clean(frame, new CleaningOptions(target: "label")).Frame, "label").ShouldBe(["yes", "YES"]);
    }
}
