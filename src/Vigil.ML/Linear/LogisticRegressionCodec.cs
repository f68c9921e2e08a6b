using Vigil.ML.Persistence;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Linear;

/// <summary>
/// The payload of a <see cref="LogisticRegressionModel"/>: int32 features, int32 classes, int32 trained-class
/// count m and the m class indices, int32 iterations, byte converged, then rows × features coefficients and
/// the rows intercepts (float64, raw feature units; rows = 0, 1 or m). Little-endian.
/// </summary>
internal sealed class LogisticRegressionCodec : ModelCodec<LogisticRegressionModel>
{
    public override string Kind => "vigil.logistic-regression-classifier";

    public override void Write(LogisticRegressionModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write(model.TrainedClasses.Length);
        BinaryChecks.WriteAll(writer, model.TrainedClasses);
        writer.Write(model.Iterations);
        writer.Write(model.Converged);
        BinaryChecks.WriteAll(writer, model.Coefficients);
        BinaryChecks.WriteAll(writer, model.Intercepts);
    }

    public override LogisticRegressionModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = BinaryChecks.ReadCount(reader, 0);
        var classCount = reader.ReadInt32();
        var classes = BinaryChecks.ReadInts(reader, BinaryChecks.ReadCount(reader, 4));
        var iterations = reader.ReadInt32();
        var converged = reader.ReadBoolean();
        var rows = classes.Length switch { < 2 => 0, 2 => 1, var m => m };
        var coefficients = BinaryChecks.ReadDoubles(reader, rows * features);
        var intercepts = BinaryChecks.ReadDoubles(reader, rows);
        return new LogisticRegressionModel(features, classCount, classes, coefficients, intercepts, new OptimizationResult(iterations, converged, double.NaN));
    }
}
