using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Validation;
using Xunit;

namespace Vigil.Data.Tests.Validation;

public sealed class DataValidatorTests
{
    private static readonly ValidationOptions Lenient = new(minRows: 0);

    private static ValidationReport Validate(ValidationOptions options, params Column[] columns) =>
        DataValidator.Validate(new DataFrame(columns), options);

    [Fact]
    public void Validate_MissingValues_WarningAtOrAboveFractionElseInfo()
    {
        // a: 1 of 4 missing (25% >= 5%) -> Warning; b: 1 of 4 with threshold 0.5 -> Info.
        var report = Validate(new ValidationOptions(minRows: 0, missingWarningFraction: 0.5),
            new Float64Column("a", [1, double.NaN, 3, 4]));
        var issue = report.IssuesWithCode(IssueCodes.MissingValues).ShouldHaveSingleItem();
        issue.Severity.ShouldBe(IssueSeverity.Info);
        issue.Count.ShouldBe(1);
        issue.Message.ShouldBe("1 of 4 values missing (25.00%)");

        Validate(Lenient, new Float64Column("a", [1, double.NaN, 3, 4]))
            .IssuesWithCode(IssueCodes.MissingValues).ShouldHaveSingleItem().Severity.ShouldBe(IssueSeverity.Warning);
    }

    [Fact]
    public void Validate_RepeatedRows_CountsEachRepeatOnce()
    {
        // Rows (1,x) (1,x) (2,y) (1,x) (NaN,y) (NaN,y): rows 1, 3 and 5 repeat earlier rows.
        var report = Validate(Lenient,
            new Float64Column("a", [1, 1, 2, 1, double.NaN, double.NaN]),
            CategoricalColumn.FromValues("b", ["x", "x", "y", "x", "y", "y"]));

        report.DuplicateRowCount.ShouldBe(3);
        report.IssuesWithCode(IssueCodes.DuplicateRows).ShouldHaveSingleItem().Count.ShouldBe(3);
    }

    [Fact]
    public void Validate_SchemaKindDiffers_TypeMismatchError()
    {
        var schema = new FrameSchema([new ColumnSchema("a", ColumnKind.Float64)]);

        var report = Validate(new ValidationOptions(schema: schema, minRows: 0), CategoricalColumn.FromValues("a", ["L", "M"]));

        var issue = report.IssuesWithCode(IssueCodes.TypeMismatch).ShouldHaveSingleItem();
        issue.Severity.ShouldBe(IssueSeverity.Error);
        issue.Message.ShouldBe("the schema says float64 but the column is categorical");
        report.HasErrors.ShouldBeTrue();
    }

    [Fact]
    public void Validate_TextMostlyNumbers_TypeMismatchWarning()
    {
        var report = Validate(Lenient,
            new StringColumn("numbers", ["1", "2.5", "-3e2", "4", "5", "6", "7", "8", "9", "x"]),
            new StringColumn("words", ["1", "2", "a", "b", "c", "d", "e", "f", "g", "h"]));

        var issue = report.IssuesWithCode(IssueCodes.TypeMismatch).ShouldHaveSingleItem();
        issue.Column.ShouldBe("numbers");
        issue.Severity.ShouldBe(IssueSeverity.Warning);
        issue.Count.ShouldBe(9);
    }

    [Fact]
    public void Validate_ConstantAndAllMissing_ConstantColumnWarnings()
    {
        var report = Validate(Lenient,
            new Float64Column("same", [5, 5, 5]),
            new Float64Column("empty", [double.NaN, double.NaN, double.NaN]),
            new Float64Column("varies", [1, 2, 3]));

        report.IssuesWithCode(IssueCodes.ConstantColumn).Select(i => (i.Column, i.Message))
            .ShouldBe([("same", "every present value is '5'"), ("empty", "every value is missing")]);
    }

    [Fact]
    public void Validate_SchemaConstraints_OutOfRangeErrors()
    {
        var schema = new FrameSchema(
        [
            new ColumnSchema("t", ColumnKind.Float64, Min: 0, Max: 10, Required: true),
            new ColumnSchema("type", ColumnKind.Categorical, AllowedValues: ["L", "M", "H"]),
        ]);

        var report = Validate(new ValidationOptions(schema: schema, minRows: 0),
            new Float64Column("t", [-1, 5, 20, double.NaN]),
            CategoricalColumn.FromValues("type", ["L", "X", "M", "X"]));

        report.IssuesWithCode(IssueCodes.OutOfRange).Select(i => (i.Column, i.Message, i.Count)).ShouldBe(
        [
            ("t", "required, but 1 values are missing", 1L),
            ("t", "1 values below the minimum 0 (lowest -1)", 1L),
            ("t", "1 values above the maximum 10 (highest 20)", 1L),
            ("type", "2 values outside the allowed set, e.g. 'X'", 2L),
        ]);
        report.Issues.Where(i => i.Code == IssueCodes.OutOfRange).ShouldAllBe(i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void Validate_SchemaColumnAbsent_MissingColumnError()
    {
        var schema = new FrameSchema([new ColumnSchema("gone", ColumnKind.Float64)]);

        var report = Validate(new ValidationOptions(schema: schema, minRows: 0), new Float64Column("a", [1]));

        report.IssuesWithCode(IssueCodes.MissingColumn).ShouldHaveSingleItem().Severity.ShouldBe(IssueSeverity.Error);
    }

    [Fact]
    public void Validate_ImbalancedTarget_ReportsBalanceImbalanceAndSmallClass()
    {
        // 100 rows, 5 positives: share 5% < 10% and 5 < 10 rows.
        var y = new Float64Column("y", [.. Enumerable.Range(0, 100).Select(i => i < 5 ? 1.0 : 0.0)]);

        var report = Validate(new ValidationOptions(target: "y"), y);

        report.ClassBalance.ShouldNotBeNull().MinorityClass.ShouldBe("1");
        report.ClassBalance!.Classes.ShouldBe([new ClassCount("0", 95, 0.95), new ClassCount("1", 5, 0.05)]);
        report.ClassBalance.MinorityShare.ShouldBe(0.05);
        report.IssuesWithCode(IssueCodes.ClassImbalance).ShouldHaveSingleItem().Count.ShouldBe(5);
        var small = report.IssuesWithCode(IssueCodes.TooFewSamples).ShouldHaveSingleItem();
        small.Severity.ShouldBe(IssueSeverity.Warning);
        small.Message.ShouldBe("class '1' has 5 rows, fewer than 10");
        report.HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void Validate_FewerRowsThanMinimum_TooFewSamplesError()
    {
        var report = DataValidator.Validate(new DataFrame([new Float64Column("a", [1, 2, 3, 4])]), new ValidationOptions());

        var issue = report.IssuesWithCode(IssueCodes.TooFewSamples).ShouldHaveSingleItem();
        issue.Severity.ShouldBe(IssueSeverity.Error);
        issue.Column.ShouldBeNull();
        report.HasErrors.ShouldBeTrue();
    }

    [Fact]
    public void Validate_DeclaredTargetAbsent_TargetMissingError()
    {
        var report = Validate(new ValidationOptions(target: "label", minRows: 0), new Float64Column("a", [1, 2]));

        var issue = report.IssuesWithCode(IssueCodes.TargetMissing).ShouldHaveSingleItem();
        issue.Severity.ShouldBe(IssueSeverity.Error);
        issue.Message.ShouldBe("the target column is absent; columns are a");
        report.ClassBalance.ShouldBeNull();
    }

    [Fact]
    public void Validate_UniquePerRow_IdentifierOnlyForTextOrIntegersInLargeEnoughFrames()
    {
        var rows = Enumerable.Range(0, 25).ToArray();
        var report = Validate(Lenient,
            new StringColumn("code", [.. rows.Select(i => $"P{i}")]),
            new Float64Column("serial", [.. rows.Select(i => 100.0 + i)]),
            new Float64Column("reading", [.. rows.Select(i => i + 0.25)]),
            new Float64Column("y", [.. rows.Select(i => (double)(i % 2))]));

        report.IdentifierColumns.ShouldBe(["code", "serial"]);
        report.IssuesWithCode(IssueCodes.IdentifierColumn).ShouldAllBe(i => i.Severity == IssueSeverity.Warning);
        Validate(Lenient, new StringColumn("code", ["a", "b", "c"])).IdentifierColumns.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_MixedSeverities_ErrorsListedFirst()
    {
        var report = Validate(new ValidationOptions(target: "missing"), new Float64Column("a", [1, 2, double.NaN]));

        report.Issues.Select(i => i.Severity).ShouldBe(
            [IssueSeverity.Error, IssueSeverity.Error, IssueSeverity.Warning]);
        report.Issues.Select(i => i.Code).ShouldBe([IssueCodes.TooFewSamples, IssueCodes.TargetMissing, IssueCodes.MissingValues]);
    }
}
