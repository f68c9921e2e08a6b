using Vigil.ML.Persistence;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Svm;

/// <summary>The payload of a <see cref="LinearSvmModel"/>: int32 features, int32 classes, int32 m + m trained classes, then rows × features coefficients, rows intercepts, rows Platt A and rows Platt B (float64; rows = 0, 1 or m).</summary>
internal sealed class LinearSvmCodec : ModelCodec<LinearSvmModel>
{
    public override string Kind => "vigil.linear-svm-classifier";

    public override void Write(LinearSvmModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write(model.TrainedClasses.Length);
        BinaryChecks.WriteAll(writer, model.TrainedClasses);
        BinaryChecks.WriteAll(writer, model.Coefficients);
        BinaryChecks.WriteAll(writer, model.Intercepts);
        BinaryChecks.WriteAll(writer, model.PlattA);
        BinaryChecks.WriteAll(writer, model.PlattB);
    }

    public override LinearSvmModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = BinaryChecks.ReadCount(reader, 0);
        var classCount = reader.ReadInt32();
        var classes = BinaryChecks.ReadInts(reader, BinaryChecks.ReadCount(reader, 4));
        var rows = classes.Length switch { < 2 => 0, 2 => 1, var m => m };
        var coefficients = BinaryChecks.ReadDoubles(reader, rows * features);
        var intercepts = BinaryChecks.ReadDoubles(reader, rows);
        var a = BinaryChecks.ReadDoubles(reader, rows);
        return new LinearSvmModel(features, classCount, classes, coefficients, intercepts, a, BinaryChecks.ReadDoubles(reader, rows));
    }
}
