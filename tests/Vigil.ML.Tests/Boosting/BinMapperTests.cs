using Shouldly;
using Vigil.ML.Boosting;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

public sealed class BinMapperTests
{
    private static readonly ParallelOptions Sequential = new() { MaxDegreeOfParallelism = 1 };

    [Fact]
    public void Bounds_FewDistinctValues_OneBinEachWithMidpointBounds()
    {
        double[] values = [3, 1, 2, 2, 1, 3, 3];

        BinMapper.Bounds(values, 255).ShouldBe([1.5, 2.5, double.PositiveInfinity]);
    }

    [Fact]
    public void Bounds_ManyDistinctValues_AtMostMaxBinsOfNearlyEqualCounts()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();

        var bounds = BinMapper.Bounds(values, 10);

        bounds.Length.ShouldBe(10);
        bounds[0].ShouldBe(99.5);
        bounds[4].ShouldBe(499.5);
        bounds[^1].ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Bounds_OnlyMissing_OneEmptyBin() => BinMapper.Bounds([], 255).ShouldBe([double.PositiveInfinity]);

    [Fact]
    public void Code_AnyValue_AgreesWithTheThresholdOfEveryBin()
    {
        var matrix = new FeatureMatrix(6, 1, [0.5, 1, 1.5, 2, double.NaN, 7]);
        var mapper = BinMapper.Fit(matrix, 255, seed: 0, Sequential);
        var codes = mapper.Transform(matrix, Sequential).Column(0).ToArray();

        codes.ShouldBe(new byte[] { 0, 1, 2, 3, 5, 4 });
        mapper.ValueBins(0).ShouldBe(5);
        foreach (var x in new[] { -1e9, 0.5, 0.75, 1, 1.2, 2, 6.9, 7, 1e300 })
        {
            var code = BinMapper.Code([.. Enumerable.Range(0, 5).Select(b => mapper.Threshold(0, b))], x);
            for (var b = 0; b < 5; b++)
            {
                (x <= mapper.Threshold(0, b)).ShouldBe(code <= b, $"x = {x}, bin {b}");
            }
        }
    }

    [Fact]
    public void Fit_MoreRowsThanTheSample_BinsFromASeededSample()
    {
        var rows = BinMapper.SampleRows + 1000;
        var matrix = new FeatureMatrix(rows, 1, [.. Enumerable.Range(0, rows).Select(i => (double)(i % 5000))]);

        var a = BinMapper.Fit(matrix, 64, seed: 1, Sequential);
        var b = BinMapper.Fit(matrix, 64, seed: 1, Sequential);

        a.ValueBins(0).ShouldBe(64);
        Enumerable.Range(0, 64).Select(i => a.Threshold(0, i)).ShouldBe(Enumerable.Range(0, 64).Select(i => b.Threshold(0, i)));
    }
}
