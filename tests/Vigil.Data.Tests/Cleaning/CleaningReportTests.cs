using System.Text.Json;
using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class CleaningReportTests
{
    private static readonly CleaningOptions Options = new(
        target: "y", synonyms: new Dictionary<string, string> { ["low"] = "L" }, outlierMethod: OutlierMethod.Iqr);

    // r3 repeats r1; r5 lacks the target; notes is 6/7 missing. Left: r1 r2 r4 r6 r7 with Torque 40 ? 50 45 90:
    // median (45 + 50)/2 = 47.5; Q1 = 40 + 0.75·5 = 43.75, Q3 = 50 + 0.25·40 = 60, IQR 16.25 -> [19.375, 84.375]: 90 is flagged.
    private static CleaningResult Clean() => DataCleaner.Clean(
        Frame(
            CategoricalColumn.FromValues(" Type ", ["L", "low", "L", "M", "M", "H", "H"]),
            new Float64Column("Torque", [40, NaN, 40, 50, 60, 45, 90]),
            new Float64Column("notes", [NaN, NaN, NaN, 1, NaN, NaN, NaN]),
            new Float64Column("y", [0, 1, 0, 0, NaN, 0, 1])),
        Options);

    [Fact]
    public void Clean_EveryRule_ReportCountsMatch()
    {
        var result = Clean();
        var report = result.Report;

        (report.InputRows, report.InputColumns, report.OutputRows, report.OutputColumns).ShouldBe((7, 4, 5, 4));
        result.Frame.ColumnNames.ShouldBe(["Type", "Torque", "y", "Torque_outlier"]);
        report.RenamedColumns.ShouldBe([new ColumnRename(" Type ", "Type")]);
        report.NormalizedTerms.ShouldBe([new TermChange("Type", "low", "L", 1)]);
        report.DroppedColumns.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.Column.ShouldBe("notes"), d => d.MissingCount.ShouldBe(6), d => d.MissingPercent.ShouldBe(600.0 / 7, 1e-12));
        (report.DuplicateRowsDropped, report.MissingTargetRowsDropped, report.OutlierRowsDropped, report.QuarantinedRows).ShouldBe((1, 1, 0, 2));
        report.Imputations.ShouldBe([new ImputationCount("Torque", ImputationMethod.Median, 1, 0, NumericValue: 47.5)]);
        report.Outliers.ShouldBe([new OutlierCount("Torque", OutlierMethod.Iqr, OutlierAction.Flag, 1.5, 19.375, 84.375, 1)]);
        result.Quarantined.Select(q => q.Reason).ShouldBe(["row 3: duplicate of row 1", "row 5: target 'y' is missing"]);
        Values(result.Frame, "Torque").ShouldBe([40, 47.5, 50, 45, 90]);
        Values(result.Frame, "Torque_outlier").ShouldBe([0, 0, 0, 0, 1]);
    }

    [Fact]
    public void ToText_EveryRule_GoldenText()
    {
        Clean().Report.ToText().ShouldBe(
            """
            Cleaning report: 7 rows x 4 columns -> 5 rows x 4 columns
            Rows quarantined: 2 (1 duplicate, 1 missing target, 0 outlier)
            Column names normalized: 1
              ' Type ' -> 'Type'
            Terms normalized: 1
              Type: 'low' -> 'L' (1)
            Columns dropped (more than 50.00% missing): 1
              notes: 6 missing (85.71%)
            Values imputed: 1
              Torque: 1 by median (47.5)
            Outliers: 1
              Torque: 1 flagged outside [19.375, 84.375] (IQR k = 1.5)

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ToJson_EveryRule_SnakeCaseShape()
    {
        using var json = JsonDocument.Parse(Clean().Report.ToJson());
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe([
            "format_version", "input_rows", "input_columns", "output_rows", "output_columns", "renamed_columns", "normalized_terms",
            "dropped_columns", "max_missing_fraction", "duplicate_rows_dropped", "missing_target_rows_dropped", "imputations", "outliers",
            "outlier_rows_dropped", "quarantined_rows", "values_imputed"]);
        root.GetProperty("renamed_columns")[0].GetProperty("from").GetString().ShouldBe(" Type ");
        root.GetProperty("normalized_terms")[0].GetProperty("count").GetInt64().ShouldBe(1);
        root.GetProperty("dropped_columns")[0].GetProperty("missing_count").GetInt64().ShouldBe(6);
        var imputation = root.GetProperty("imputations")[0];
        imputation.GetProperty("method").GetString().ShouldBe("median");
        imputation.GetProperty("left_missing").GetInt64().ShouldBe(0);
        imputation.GetProperty("numeric_value").GetDouble().ShouldBe(47.5);
        imputation.GetProperty("text_value").ValueKind.ShouldBe(JsonValueKind.Null);
        var outlier = root.GetProperty("outliers")[0];
        (outlier.GetProperty("method").GetString(), outlier.GetProperty("action").GetString()).ShouldBe(("iqr", "flag"));
        outlier.GetProperty("lower").GetDouble().ShouldBe(19.375);
    }

    [Fact]
    public void FromJson_ToJsonOutput_RoundTrips()
    {
        var json = Clean().Report.ToJson();

        CleaningReport.FromJson(json).ToJson().ShouldBe(json);
    }

    [Fact]
    public void FromJson_FutureVersion_Throws()
    {
        Should.Throw<JsonException>(() => CleaningReport.FromJson("""{"format_version": 99, "input_rows": 0, "input_columns": 0, "output_rows": 0, "output_columns": 0}"""));
    }
}
