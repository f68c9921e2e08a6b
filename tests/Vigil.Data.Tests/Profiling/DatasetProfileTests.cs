using System.Text.Json;
using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Profiling;
using Xunit;

namespace Vigil.Data.Tests.Profiling;

public sealed class DatasetProfileTests
{
    private static DatasetProfile Sample() => DataProfiler.Profile(new DataFrame(
    [
        new Float64Column("Air temp", [1, 3, double.NaN]),
        CategoricalColumn.FromValues("type", ["L", "M", "L"]),
        new Float64Column("single", [5, double.NaN, double.NaN]),
    ]));

    [Fact]
    public void ToJson_Profile_UsesSnakeCaseAndNullForUndefinedStd()
    {
        using var doc = JsonDocument.Parse(Sample().ToJson());
        var root = doc.RootElement;

        root.GetProperty("format_version").GetInt32().ShouldBe(1);
        root.GetProperty("row_count").GetInt64().ShouldBe(3);
        var air = root.GetProperty("columns")[0];
        air.GetProperty("kind").GetString().ShouldBe("float64");
        air.GetProperty("missing_percent").GetDouble().ShouldBe(100.0 / 3, 1e-12);
        air.GetProperty("numeric").GetProperty("p50").GetDouble().ShouldBe(2);
        air.GetProperty("numeric").GetProperty("zero_count").GetInt64().ShouldBe(0);
        air.TryGetProperty("top_values", out _).ShouldBeFalse();
        root.GetProperty("columns")[1].GetProperty("top_values")[0].GetProperty("value").GetString().ShouldBe("L");
        root.GetProperty("columns")[2].GetProperty("numeric").GetProperty("std").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void FromJson_RoundTrip_PreservesValues()
    {
        var profile = Sample();

        var back = DatasetProfile.FromJson(profile.ToJson());

        back.RowCount.ShouldBe(3);
        back.Columns.Count.ShouldBe(3);
        back.Columns[0].ShouldBe(profile.Columns[0]);
        back.Columns[1].TopValues.ShouldBe(profile.Columns[1].TopValues);
        back.ToJson().ShouldBe(profile.ToJson());
    }

    [Fact]
    public void FromJson_FutureVersion_Throws()
    {
        var json = Sample().ToJson().Replace("\"format_version\": 1", "\"format_version\": 99", StringComparison.Ordinal);

        Should.Throw<JsonException>(() => DatasetProfile.FromJson(json)).Message.ShouldContain("99");
    }

    [Fact]
    public void ToText_Profile_RendersAlignedTable()
    {
        var text = Sample().ToText();

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Dataset profile: 3 rows x 3 columns");
        lines[1].ShouldBe("column    kind         missing    distinct  summary");
        lines[2].ShouldBe("Air temp  float64      1 (33.3%)  2         min 1  p25 1.5  p50 2  p75 2.5  max 3  mean 2  std 1.41421  zeros 0");
        lines[3].ShouldBe("type      categorical  0 (0.0%)   2         top: L (2), M (1)");
        lines[4].ShouldContain("std -");
    }
}
