using Vigil.ML.Persistence;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Linear;

/// <summary>The payload of a <see cref="LinearRegressionModel"/>: int32 features, float64 intercept, then the raw and the standardized coefficients (float64 each).</summary>
internal sealed class LinearRegressionCodec : ModelCodec<LinearRegressionModel>
{
    public override string Kind => "vigil.linear-regressor";

    public override void Write(LinearRegressionModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.Intercept);
        BinaryChecks.WriteAll(writer, model.Coefficients);
        BinaryChecks.WriteAll(writer, model.StandardizedCoefficients);
    }

    public override LinearRegressionModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = BinaryChecks.ReadCount(reader, 16);
        var intercept = reader.ReadDouble();
        var coefficients = BinaryChecks.ReadDoubles(reader, features);
        return new LinearRegressionModel(coefficients, intercept, BinaryChecks.ReadDoubles(reader, features));
    }
}
