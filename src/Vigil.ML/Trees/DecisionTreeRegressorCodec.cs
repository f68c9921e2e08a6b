using Vigil.ML.Persistence;

namespace Vigil.ML.Trees;

/// <summary>
/// The payload of a <see cref="DecisionTreeRegressorModel"/>: int32 feature count, then the tree in
/// <see cref="FlatTreeFormat"/> (value width 1), then the feature importances (float64 each).
/// </summary>
internal sealed class DecisionTreeRegressorCodec : ModelCodec<DecisionTreeRegressorModel>
{
    public override string Kind => "vigil.decision-tree-regressor";

    public override void Write(DecisionTreeRegressorModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        FlatTreeFormat.Write(writer, model.Tree);
        FlatTreeFormat.WriteAll(writer, model.FeatureImportances);
    }

    public override DecisionTreeRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        var featureCount = reader.ReadInt32();
        if (featureCount < 0 || remaining < 4 + (8L * featureCount))
        {
            throw new InvalidDataException($"Regression tree header declares {featureCount} features in {remaining} bytes.");
        }

        var tree = FlatTreeFormat.Read(reader, 1, remaining - 4 - (8L * featureCount));
        if (4 + FlatTreeFormat.Bytes(tree.NodeCount, 1) + (8L * featureCount) != remaining)
        {
            throw new InvalidDataException($"Regression tree payload has {remaining} bytes, expected {4 + FlatTreeFormat.Bytes(tree.NodeCount, 1) + (8L * featureCount)}.");
        }

        return new DecisionTreeRegressorModel(tree, featureCount, FlatTreeFormat.ReadAll(reader, featureCount));
    }
}
