using Shouldly;
using Vigil.ML.Preprocessing;
using Xunit;

namespace Vigil.ML.Tests.Preprocessing;

public sealed class StandardizerTests
{
    [Fact]
    public void Fit_TwoColumns_UsesMeanAndPopulationStd()
    {
        // Column 0: 1, 2, 3, 4 → mean 2.5, population variance 1.25. Column 1 constant → scale 1.
        var s = Standardizer.Fit(FeatureMatrix.FromRows([[1, 7], [2, 7], [3, 7], [4, 7]]));

        s.Means.ToArray().ShouldBe([2.5, 7]);
        s.Scales[0].ShouldBe(Math.Sqrt(1.25), 1e-15);
        s.Scales[1].ShouldBe(1);
    }

    [Fact]
    public void Fit_SampleWeights_WeighRowsAndIgnoreZeroWeights()
    {
        // Weights 3, 1, 0 on values 0, 4, 100: mean 1, variance (3·1 + 1·9) / 4 = 3.
        var s = Standardizer.Fit(FeatureMatrix.FromRows([[0], [4], [100]]), [3, 1, 0]);

        s.Means[0].ShouldBe(1, 1e-15);
        s.Scales[0].ShouldBe(Math.Sqrt(3), 1e-15);
    }

    [Fact]
    public void Transform_Row_CentersAndScales()
    {
        var s = Standardizer.Create([1, 2], [2, 4]);
        var z = new double[2];

        s.Transform([5, 2], z);

        z.ShouldBe([2, 0]);
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsValues()
    {
        var s = Standardizer.Fit(FeatureMatrix.FromRows([[1, 10], [3, 30], [8, 5]]));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            s.Write(writer);
        }

        stream.Position = 0;
        var read = Standardizer.Read(new BinaryReader(stream));

        read.Means.ToArray().ShouldBe(s.Means.ToArray());
        read.Scales.ToArray().ShouldBe(s.Scales.ToArray());
    }

    [Fact]
    public void Create_NonPositiveScale_Throws()
    {
        Should.Throw<ArgumentException>(() => Standardizer.Create([0], [0]));
    }
}
