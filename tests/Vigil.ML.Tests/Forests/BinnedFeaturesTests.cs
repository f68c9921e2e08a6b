using Shouldly;
using Vigil.ML.Forests;
using Xunit;

namespace Vigil.ML.Tests.Forests;

public sealed class BinnedFeaturesTests
{
    [Fact]
    public void Build_FewDistinctValues_OneBinPerValueWithMidpointEdgesAndAMissingCode()
    {
        var x = FeatureMatrix.FromRows([[3], [1], [double.NaN], [2], [3]]);

        var bins = BinnedFeatures.Build(x, 255, 1);

        bins.BinCount(0).ShouldBe(3);
        bins.Edge(0, 0).ShouldBe(1.5);
        bins.Edge(0, 1).ShouldBe(2.5);
        bins.Codes(0).ToArray().ShouldBe(new byte[] { 2, 0, 3, 1, 2 });
    }

    [Fact]
    public void Build_ManyDistinctValues_CapsBinsAndKeepsEdgesConsistentWithValues()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (double)((i * 7919) % 10_000)).ToArray();
        var x = new FeatureMatrix(values.Length, 1, values);

        var bins = BinnedFeatures.Build(x, 16, 1);

        bins.BinCount(0).ShouldBeLessThanOrEqualTo(16);
        bins.BinCount(0).ShouldBeGreaterThan(12);
        var codes = bins.Codes(0);
        for (var r = 0; r < values.Length; r++)
        {
            var b = codes[r];
            if (b > 0)
            {
                values[r].ShouldBeGreaterThan(bins.Edge(0, b - 1));
            }

            if (b < bins.BinCount(0) - 1)
            {
                values[r].ShouldBeLessThanOrEqualTo(bins.Edge(0, b));
            }
        }
    }
}
