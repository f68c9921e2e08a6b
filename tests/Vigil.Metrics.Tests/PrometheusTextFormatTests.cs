using Shouldly;
using Xunit;

namespace Vigil.Metrics.Tests;

public sealed class PrometheusTextFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-2.0, "-2")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789.0, "123456789")]
    [InlineData(1.0 / 3.0, "0.3333333333333333")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(-double.Epsilon, "-5e-324")]
    public void FormatValue_InvariantShortestRoundTrip(double value, string expected) =>
        PrometheusTextFormat.FormatValue(value).ShouldBe(expected);

    [Fact]
    public void FormatValue_RoundTrips()
    {
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            double.Parse(PrometheusTextFormat.FormatValue(value), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(value);
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line1\nline2", "line1\\nline2")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    public void EscapeHelp_EscapesBackslashAndNewlineOnly(string help, string expected) =>
        PrometheusTextFormat.EscapeHelp(help).ShouldBe(expected);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line1\nline2", "line1\\nline2")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("", "")]
    public void EscapeLabelValue_EscapesBackslashQuoteAndNewline(string value, string expected) =>
        PrometheusTextFormat.EscapeLabelValue(value).ShouldBe(expected);
}
