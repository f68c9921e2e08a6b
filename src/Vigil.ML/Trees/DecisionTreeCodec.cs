using Vigil.ML.Persistence;

namespace Vigil.ML.Trees;

/// <summary>
/// The payload of a <see cref="DecisionTreeModel"/>: int32 feature count, int32 class count,
/// int32 node count; per node int32 feature, float64 threshold, int32 left, int32 right, byte
/// missing-left; then node values (nodes × classes float64), node cover (float64 each) and feature
/// importances (float64 each). Little-endian throughout.
/// </summary>
internal sealed class DecisionTreeCodec : ModelCodec<DecisionTreeModel>
{
    private const int NodeBytes = 4 + 8 + 4 + 4 + 1;

    public override string Kind => "vigil.decision-tree-classifier";

    public override void Write(DecisionTreeModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        var tree = model.Tree;
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write(tree.NodeCount);
        foreach (var n in tree.Nodes)
        {
            writer.Write(n.Feature);
            writer.Write(n.Threshold);
            writer.Write(n.Left);
            writer.Write(n.Right);
            writer.Write(n.MissingLeft);
        }

        WriteAll(writer, tree.Values);
        WriteAll(writer, tree.Cover);
        WriteAll(writer, model.FeatureImportances);
    }

    public override DecisionTreeModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        var featureCount = reader.ReadInt32();
        var classCount = reader.ReadInt32();
        var nodeCount = reader.ReadInt32();
        var expected = 12 + ((long)nodeCount * (NodeBytes + (8L * classCount) + 8)) + (8L * featureCount);
        if (featureCount < 0 || classCount < 1 || nodeCount < 1 || expected != remaining)
        {
            throw new InvalidDataException(
                $"Tree header (features {featureCount}, classes {classCount}, nodes {nodeCount}) needs {expected} payload bytes, found {remaining}.");
        }

        var nodes = new TreeNode[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            nodes[i] = new TreeNode(reader.ReadInt32(), reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
        }

        var values = ReadAll(reader, nodeCount * classCount);
        var cover = ReadAll(reader, nodeCount);
        var importances = ReadAll(reader, featureCount);
        return new DecisionTreeModel(new FlatTree(nodes, values, classCount, cover), featureCount, importances);
    }

    private static void WriteAll(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static double[] ReadAll(BinaryReader reader, int count)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reader.ReadDouble();
        }

        return result;
    }
}
