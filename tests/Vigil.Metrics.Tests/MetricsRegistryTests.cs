using System.Buffers;
using System.Text;
using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class MetricsRegistryTests
{
    [Fact]
    public void ToText_GoldenExposition()
    {
        var registry = new MetricsRegistry();
        var requests = registry.CreateCounter("vigil_requests_total", "Requests served.", "model", "code");
        requests.WithLabels("pdm", "200").Inc(3);
        requests.WithLabels("pdm", "500").Inc();
        requests.WithLabels("anomaly", "200").Inc(2.5);
        registry.CreateGauge("vigil_models_loaded", "Models currently loaded.").Set(2);
        var latency = registry.CreateHistogram("vigil_score_seconds", "Scoring latency in seconds.", [0.25, 0.5, 1], "model");
        var pdm = latency.WithLabels("pdm");
        pdm.Observe(0.125);
        pdm.Observe(0.25);
        pdm.Observe(0.75);
        pdm.Observe(3);

        registry.ToText().ShouldBe(
            """
            # HELP vigil_models_loaded Models currently loaded.
            # TYPE vigil_models_loaded gauge
            vigil_models_loaded 2
            # HELP vigil_requests_total Requests served.
            # TYPE vigil_requests_total counter
            vigil_requests_total{model="anomaly",code="200"} 2.5
            vigil_requests_total{model="pdm",code="200"} 3
            vigil_requests_total{model="pdm",code="500"} 1
            # HELP vigil_score_seconds Scoring latency in seconds.
            # TYPE vigil_score_seconds histogram
            vigil_score_seconds_bucket{model="pdm",le="0.25"} 2
            vigil_score_seconds_bucket{model="pdm",le="0.5"} 2
            vigil_score_seconds_bucket{model="pdm",le="1"} 3
            vigil_score_seconds_bucket{model="pdm",le="+Inf"} 4
            vigil_score_seconds_sum{model="pdm"} 4.125
            vigil_score_seconds_count{model="pdm"} 4

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToText_UnlabelledHistogram_WritesBucketsWithoutLabelBraces()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.CreateHistogram("job_seconds", "Job time.", [1, 2]);
        histogram.Observe(1.5);

        registry.ToText().ShouldBe(
            "# HELP job_seconds Job time.\n# TYPE job_seconds histogram\n" +
            "job_seconds_bucket{le=\"1\"} 0\njob_seconds_bucket{le=\"2\"} 1\njob_seconds_bucket{le=\"+Inf\"} 1\n" +
            "job_seconds_sum 1.5\njob_seconds_count 1\n");
    }

    [Fact]
    public void ToText_EmptyRegistry_IsEmpty() => new MetricsRegistry().ToText().ShouldBe(string.Empty);

    [Fact]
    public void ToText_LabelledFamilyWithoutChildren_WritesOnlyHelpAndType()
    {
        var registry = new MetricsRegistry();
        registry.CreateCounter("errors_total", "Errors.", "kind");

        registry.ToText().ShouldBe("# HELP errors_total Errors.\n# TYPE errors_total counter\n");
    }

    [Fact]
    public void ToText_FamiliesOrderedByName_ChildrenByLabelValues()
    {
        var registry = new MetricsRegistry();
        var zeta = registry.CreateGauge("zeta", "Z.", "k");
        registry.CreateGauge("alpha", "A.");
        registry.CreateGauge("mid", "M.");
        foreach (var key in new[] { "b", "a", "c", "B" })
        {
            zeta.WithLabels(key).Set(1);
        }

        var text = registry.ToText();

        Exposition.TypeNames(text).ShouldBe(["alpha", "mid", "zeta"]);
        var series = text.Split('\n').Where(l => l.StartsWith("zeta{", StringComparison.Ordinal)).ToArray();
        series.ShouldBe(["zeta{k=\"B\"} 1", "zeta{k=\"a\"} 1", "zeta{k=\"b\"} 1", "zeta{k=\"c\"} 1"]);
        registry.Families.Select(f => f.Name).ShouldBe(["alpha", "mid", "zeta"]);
    }

    [Fact]
    public void ToText_HelpAndLabelValuesAreEscaped()
    {
        var registry = new MetricsRegistry();
        var gauge = registry.CreateGauge("escaped", "Line one\nback\\slash \"quotes\" stay.", "path");
        gauge.WithLabels("C:\\models\n\"pdm\"").Set(1);

        registry.ToText().ShouldBe(
            "# HELP escaped Line one\\nback\\\\slash \"quotes\" stay.\n" +
            "# TYPE escaped gauge\n" +
            "escaped{path=\"C:\\\\models\\n\\\"pdm\\\"\"} 1\n");
    }

    [Fact]
    public void ToText_NonAsciiLabelValues_AreUtf8()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("site", "Site.", "name").WithLabels("Zürich ✓").Set(1);

        var bytes = new ArrayBufferWriter<byte>();
        registry.WriteTo(bytes);

        Encoding.UTF8.GetString(bytes.WrittenSpan).ShouldContain("site{name=\"Zürich ✓\"} 1\n");
    }

    [Fact]
    public void ToText_SpecialValues()
    {
        var registry = new MetricsRegistry();
        var gauge = registry.CreateGauge("values", "Values.", "case");
        gauge.WithLabels("nan").Set(double.NaN);
        gauge.WithLabels("pinf").Set(double.PositiveInfinity);
        gauge.WithLabels("ninf").Set(double.NegativeInfinity);
        gauge.WithLabels("small").Set(0.00001);
        gauge.WithLabels("large").Set(1e21);

        var text = registry.ToText();

        text.ShouldContain("values{case=\"nan\"} NaN\n");
        text.ShouldContain("values{case=\"pinf\"} +Inf\n");
        text.ShouldContain("values{case=\"ninf\"} -Inf\n");
        text.ShouldContain("values{case=\"small\"} 1e-05\n");
        text.ShouldContain("values{case=\"large\"} 1e+21\n");
    }

    [Fact]
    public async Task WriteTo_StreamAsyncAndBufferWriter_MatchToText()
    {
        var registry = new MetricsRegistry();
        var counter = registry.CreateCounter("items_total", "Items.", "source");
        for (var i = 0; i < 2000; i++)
        {
            // Enough series to outgrow the initial pooled buffer.
            counter.WithLabels("source-" + i).Inc(i);
        }

        var expected = registry.ToText();
        using var stream = new MemoryStream();
        registry.WriteTo(stream);
        using var asyncStream = new MemoryStream();
        await registry.WriteToAsync(asyncStream);
        var buffer = new ArrayBufferWriter<byte>();
        registry.WriteTo(buffer);

        expected.Length.ShouldBeGreaterThan(16 * 1024);
        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(expected);
        Encoding.UTF8.GetString(asyncStream.ToArray()).ShouldBe(expected);
        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(expected);
    }

    [Fact]
    public void ContentType_IsTextFormat004() =>
        MetricsRegistry.ContentType.ShouldBe("text/plain; version=0.0.4; charset=utf-8");

    [Fact]
    public void Create_SameDefinitionTwice_ReturnsExistingFamily()
    {
        var registry = new MetricsRegistry();

        registry.CreateCounter("a_total", "A.", "x").ShouldBeSameAs(registry.CreateCounter("a_total", "A.", "x"));
        registry.CreateGauge("g", "G.").ShouldBeSameAs(registry.CreateGauge("g", "G."));
        registry.CreateHistogram("h", "H.", [1, 2], "m").ShouldBeSameAs(registry.CreateHistogram("h", "H.", [1, 2], "m"));
        registry.CreateHistogram("d", "D.").UpperBounds.ShouldBe(Buckets.Default);
        registry.Families.Count.ShouldBe(4);
    }

    [Fact]
    public void Create_SameNameOtherType_ThrowsNamingMetric()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("shared_total", "S.");

        var error = Should.Throw<ArgumentException>(() => registry.CreateCounter("shared_total", "S."));
        error.Message.ShouldContain("'shared_total'");
        error.Message.ShouldContain("gauge");
    }

    [Fact]
    public void Create_SameNameOtherLabels_ThrowsNamingMetric()
    {
        var registry = new MetricsRegistry();
        registry.CreateCounter("calls_total", "Calls.", "model");

        Should.Throw<ArgumentException>(() => registry.CreateCounter("calls_total", "Calls.", "model", "code")).Message.ShouldContain("'calls_total'");
        Should.Throw<ArgumentException>(() => registry.CreateCounter("calls_total", "Calls.")).Message.ShouldContain("'calls_total'");
        Should.Throw<ArgumentException>(() => registry.CreateCounter("calls_total", "Calls.", "code")).Message.ShouldContain("'calls_total'");
    }

    [Fact]
    public void Create_HistogramWithOtherBuckets_ThrowsNamingMetric()
    {
        var registry = new MetricsRegistry();
        registry.CreateHistogram("lat_seconds", "L.", [1, 2]);

        Should.Throw<ArgumentException>(() => registry.CreateHistogram("lat_seconds", "L.", [1, 3])).Message.ShouldContain("'lat_seconds'");
    }

    [Theory]
    [InlineData("rpc_seconds_count")]
    [InlineData("rpc_seconds_bucket")]
    [InlineData("rpc_seconds_sum")]
    public void Create_NameClashingWithHistogramSamples_Throws(string name)
    {
        var registry = new MetricsRegistry();
        registry.CreateHistogram("rpc_seconds", "R.");

        Should.Throw<ArgumentException>(() => registry.CreateGauge(name, "G.")).Message.ShouldContain("'rpc_seconds'");
    }

    [Fact]
    public void Create_HistogramWhoseSamplesClashWithExistingFamily_Throws()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("queue_count", "Q.");

        Should.Throw<ArgumentException>(() => registry.CreateHistogram("queue", "Q.")).Message.ShouldContain("'queue_count'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("a b")]
    [InlineData("caf\u00e9")]
    [InlineData("a.b")]
    public void Create_InvalidMetricName_Throws(string name)
    {
        var registry = new MetricsRegistry();

        var error = Should.Throw<ArgumentException>(() => registry.CreateGauge(name, "Help."));
        error.Message.ShouldContain($"'{name}'");
        error.ParamName.ShouldBe("name");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("_a")]
    [InlineData("ns:sub_metric")]
    [InlineData(":colon")]
    [InlineData("A9_:b")]
    public void Create_ValidMetricName_Accepted(string name) =>
        new MetricsRegistry().CreateGauge(name, "Help.").Name.ShouldBe(name);

    [Theory]
    [InlineData("")]
    [InlineData("1x")]
    [InlineData("a-b")]
    [InlineData("a:b")]
    [InlineData("__reserved")]
    public void Create_InvalidLabelName_Throws(string label)
    {
        var error = Should.Throw<ArgumentException>(() => new MetricsRegistry().CreateGauge("g", "Help.", label));
        error.Message.ShouldContain("'g'");
        error.ParamName.ShouldBe("labelNames");
    }

    [Fact]
    public void Create_DuplicateLabelName_Throws() =>
        Should.Throw<ArgumentException>(() => new MetricsRegistry().CreateGauge("g", "Help.", "a", "a")).Message.ShouldContain("twice");

    [Fact]
    public void Create_HistogramWithLeLabel_Throws()
    {
        var registry = new MetricsRegistry();

        Should.Throw<ArgumentException>(() => registry.CreateHistogram("h", "Help.", "le")).Message.ShouldContain("'le'");
        registry.CreateGauge("g", "Help.", "le").LabelNames.ShouldBe(["le"]);
    }

    [Fact]
    public void Create_CounterWithoutTotalSuffix_Throws()
    {
        var error = Should.Throw<ArgumentException>(() => new MetricsRegistry().CreateCounter("requests", "Requests."));
        error.Message.ShouldContain("'requests'");
        error.Message.ShouldContain("_total");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_EmptyHelp_Throws(string help)
    {
        var error = Should.Throw<ArgumentException>(() => new MetricsRegistry().CreateGauge("g", help));
        error.Message.ShouldContain("'g'");
        error.ParamName.ShouldBe("help");
    }

    [Fact]
    public void Create_LabelNamesArrayIsCopied()
    {
        var labels = new[] { "model" };
        var gauge = new MetricsRegistry().CreateGauge("g", "G.", labels);
        labels[0] = "changed";

        gauge.LabelNames.ShouldBe(["model"]);
    }
}
