namespace Vigil.ML.Trees;

/// <summary>
/// The binary layout of a <see cref="FlatTree"/> shared by the tree codecs: int32 node count; per node
/// int32 feature, float64 threshold, int32 left, int32 right, byte missing-left; then the node values
/// (nodes × width float64) and node cover (float64 each). Little-endian.
/// </summary>
internal static class FlatTreeFormat
{
    public const int NodeBytes = 4 + 8 + 4 + 4 + 1;

    public static void Write(BinaryWriter writer, FlatTree tree)
    {
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
    }

    /// <summary>The payload bytes of a tree with <paramref name="nodeCount"/> nodes, including the count itself.</summary>
    public static long Bytes(long nodeCount, int width) => 4 + (nodeCount * (NodeBytes + (8L * width) + 8));

    public static FlatTree Read(BinaryReader reader, int width, long remaining)
    {
        var nodeCount = reader.ReadInt32();
        if (nodeCount < 1 || Bytes(nodeCount, width) > remaining)
        {
            throw new InvalidDataException($"A tree of {nodeCount} nodes needs {Bytes(nodeCount, width)} bytes, only {remaining} remain.");
        }

        var nodes = new TreeNode[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            nodes[i] = new TreeNode(reader.ReadInt32(), reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
        }

        var values = ReadAll(reader, nodeCount * width);
        var cover = ReadAll(reader, nodeCount);
        return new FlatTree(nodes, values, width, cover);
    }

    public static void WriteAll(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static double[] ReadAll(BinaryReader reader, int count)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reader.ReadDouble();
        }

        return result;
    }
}
