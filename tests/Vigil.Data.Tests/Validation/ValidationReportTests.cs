using System.Text.Json;
using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Validation;
using Xunit;

namespace Vigil.Data.Tests.Validation;

public sealed class ValidationReportTests
{
    // 20 rows: y alternates 0/1, copy repeats it (a near-copy), id is a text identifier.
    private static ValidationReport Sample()
    {
        var rows = Enumerable.Range(0, 20).ToArray();
        var frame = new DataFrame(
        [
            new StringColumn("id", [.. rows.Select(i => $"r{i}")]),
            new Float64Column("y", [.. rows.Select(i => (double)(i % 2))]),
            new Float64Column("copy", [.. rows.Select(i => (double)(i % 2))]),
        ]);
        return DataValidator.Validate(frame, new ValidationOptions(target: "y", minRows: 50));
    }

    [Fact]
    public void ToJson_Report_HasSnakeCaseSectionsAndStableCodes()
    {
        using var doc = JsonDocument.Parse(Sample().ToJson());
        var root = doc.RootElement;

        root.GetProperty("format_version").GetInt32().ShouldBe(1);
        root.GetProperty("has_errors").GetBoolean().ShouldBeTrue();
        root.GetProperty("duplicate_row_count").GetInt64().ShouldBe(0);
        var issue = root.GetProperty("issues")[0];
        issue.GetProperty("severity").GetString().ShouldBe("error");
        issue.GetProperty("code").GetString().ShouldBe("too_few_samples");
        issue.GetProperty("column").ValueKind.ShouldBe(JsonValueKind.Null);
        var suspect = root.GetProperty("leakage_suspects")[0];
        suspect.GetProperty("column").GetString().ShouldBe("copy");
        suspect.GetProperty("rule").GetString().ShouldBe("near_copy");
        suspect.GetProperty("score").GetDouble().ShouldBe(1);
        root.GetProperty("class_balance").GetProperty("minority_class").GetString().ShouldBe("1");
        root.GetProperty("identifier_columns")[0].GetString().ShouldBe("id");
        root.GetProperty("excluded_columns").EnumerateArray().Select(e => e.GetString()).ShouldBe(["copy", "id"]);
    }

    [Fact]
    public void FromJson_RoundTrip_PreservesIssuesAndSections()
    {
        var report = Sample();

        var back = ValidationReport.FromJson(report.ToJson());

        back.Issues.ShouldBe(report.Issues);
        back.LeakageSuspects.ShouldBe(report.LeakageSuspects);
        back.ClassBalance!.Classes.ShouldBe(report.ClassBalance!.Classes);
        back.HasErrors.ShouldBeTrue();
        back.ToJson().ShouldBe(report.ToJson());
    }

    [Fact]
    public void ToText_Report_LeakageBannerBeforeSectionsAndOneLinePerIssue()
    {
        var lines = Sample().ToText().Split('\n');

        lines[0].ShouldBe("Validation report: 20 rows x 3 columns, target 'y'");
        lines[1].ShouldBe("Result: 1 errors, 2 warnings, 0 info");
        lines[3].ShouldBe("!!! TARGET LEAKAGE SUSPECTED: exclude 1 column(s) before training !!!");
        lines[4].ShouldBe("!!!   copy  score 1.000  near_copy: mapping its 2 values to classes reproduces 'y' with balanced agreement 100.00% over 20 rows");
        lines[6].ShouldBe("Class balance of 'y': 0: 10 (50.00%), 1: 10 (50.00%); minority '1' 50.00%");
        lines[7].ShouldBe("Duplicate rows: 0");
        lines[8].ShouldBe("Identifier columns: id");
        lines[10].ShouldBe("Issues (3):");
        lines[11].ShouldBe("ERROR    too_few_samples    20 rows, fewer than the minimum of 50");
        lines[12].ShouldStartWith("WARNING  identifier_column  [id] a different value in each of the 20 rows");
        lines[13].ShouldStartWith("WARNING  leakage_suspect    [copy] probably leaks 'y' (score 1.000, near_copy)");
        lines.Length.ShouldBe(15);
    }
}
