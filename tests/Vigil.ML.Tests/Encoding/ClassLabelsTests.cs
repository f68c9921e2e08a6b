using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Xunit;

namespace Vigil.ML.Tests.Encoding;

public sealed class ClassLabelsTests
{
    [Fact]
    public void Fit_NumericTarget_SortsNumericallyAsText()
    {
        var labels = ClassLabels.Fit(new Float64Column("y", [10, 2, 0, 2, 1]));

        labels.Labels.ShouldBe(["0", "1", "2", "10"]);
        labels.Encode(new Float64Column("y", [10, 0])).ShouldBe([3, 0]);
        labels.Decode(1).ShouldBe("1");
    }

    [Fact]
    public void Fit_CategoricalTarget_SortsOrdinallyAndRoundTrips()
    {
        var labels = ClassLabels.Fit(CategoricalColumn.FromValues("y", ["ok", "fail", "ok"]));

        labels.Labels.ShouldBe(["fail", "ok"]);
        labels.IndexOf("ok").ShouldBe(1);
        labels.IndexOf("other").ShouldBe(-1);
    }

    [Fact]
    public void Fit_MissingTarget_ThrowsNamingRow() =>
        Should.Throw<ArgumentException>(() => ClassLabels.Fit(new Float64Column("y", [0, double.NaN]))).Message.ShouldContain("row 1");

    [Fact]
    public void Encode_UnknownValue_ThrowsNamingValue()
    {
        var labels = ClassLabels.Fit(new Float64Column("y", [0, 1]));

        Should.Throw<ArgumentException>(() => labels.Encode(new Float64Column("y", [2]))).Message.ShouldContain("'2'");
    }
}
