using Shouldly;
using Vigil.Data.Frames;

namespace Vigil.Features.Tests.Transforms;

/// <summary>Shared checks for fitted transforms: codec round trips and frame equality.</summary>
internal static class TransformAssert
{
    /// <summary>Writes the step with its kind, reads it back through <see cref="FeatureCatalog.StepCodecs"/>, and checks every byte was read.</summary>
    public static IFittedFeatureTransform RoundTrip(IFittedFeatureTransform fitted)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            FeatureStepCodecs.Write(fitted, writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = FeatureCatalog.StepCodecs.Read(reader);
        stream.Position.ShouldBe(stream.Length);
        read.Kind.ShouldBe(fitted.Kind);
        read.InputSchema.ShouldBe(fitted.InputSchema);
        read.OutputColumns.ShouldBe(fitted.OutputColumns);
        read.Describe().ShouldBe(fitted.Describe());
        return read;
    }

    /// <summary>Asserts the frames have the same columns (names, kinds) and the same values bit for bit (NaN equals NaN).</summary>
    public static void SameFrame(DataFrame actual, DataFrame expected)
    {
        actual.Schema.ShouldBe(expected.Schema);
        actual.RowCount.ShouldBe(expected.RowCount);
        for (var c = 0; c < expected.ColumnCount; c++)
        {
            for (var i = 0; i < expected.RowCount; i++)
            {
                actual[c].Format(i).ShouldBe(expected[c].Format(i), $"column {expected[c].Name}, row {i}");
            }
        }
    }

    /// <summary>The values of a Float64 column.</summary>
    public static double[] Values(DataFrame frame, string name) => frame.Get<Float64Column>(name).ToArray();

    /// <summary>Asserts two arrays match within <paramref name="tolerance"/>, NaN matching NaN only.</summary>
    public static void Near(double[] actual, double[] expected, double tolerance = 1e-12)
    {
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                double.IsNaN(actual[i]).ShouldBeTrue($"row {i}: expected NaN, got {actual[i]}");
            }
            else
            {
                actual[i].ShouldBe(expected[i], tolerance, $"row {i}");
            }
        }
    }
}
