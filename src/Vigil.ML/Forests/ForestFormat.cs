namespace Vigil.ML.Forests;

/// <summary>
/// The binary layout shared by the forest codecs, one flattened block per forest: int32 feature count,
/// value width, tree count, node count, value count; tree roots (int32 each);
/// per node float64 threshold, int32 right, int16 feature, byte missing-left; leaf values (float64);
/// feature importances (float64); the out-of-bag score (float64, NaN when not computed). Little-endian.
/// Out-of-bag per-row predictions are training diagnostics and are not stored.
/// </summary>
internal static class ForestFormat
{
    private const int NodeBytes = 8 + 4 + 2 + 1;

    public static void Write(BinaryWriter writer, ForestLayout layout, ReadOnlySpan<double> importances, double oobScore)
    {
        writer.Write(layout.FeatureCount);
        writer.Write(layout.Width);
        writer.Write(layout.TreeCount);
        writer.Write(layout.NodeCount);
        writer.Write(layout.Values.Length);
        foreach (var root in layout.Roots)
        {
            writer.Write(root);
        }

        for (var i = 0; i < layout.NodeCount; i++)
        {
            var n = layout.Node(i);
            writer.Write(n.Threshold);
            writer.Write(n.Right);
            writer.Write(n.Feature);
            writer.Write(n.MissingLeft);
        }

        foreach (var v in layout.Values)
        {
            writer.Write(v);
        }

        foreach (var v in importances)
        {
            writer.Write(v);
        }

        writer.Write(oobScore);
    }

    public static (ForestLayout Layout, double[] Importances, double OobScore) Read(BinaryReader reader)
    {
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        var features = reader.ReadInt32();
        var width = reader.ReadInt32();
        var trees = reader.ReadInt32();
        var nodes = reader.ReadInt32();
        var valueCount = reader.ReadInt32();
        var expected = 20 + (4L * trees) + ((long)NodeBytes * nodes) + (8L * valueCount) + (8L * features) + 8;
        if (features < 0 || width < 1 || trees < 1 || nodes < 1 || valueCount < 0 || expected != remaining)
        {
            throw new InvalidDataException(
                $"Forest header (features {features}, width {width}, trees {trees}, nodes {nodes}, values {valueCount}) needs {expected} bytes, found {remaining}.");
        }

        var roots = new int[trees];
        for (var t = 0; t < trees; t++)
        {
            roots[t] = reader.ReadInt32();
        }

        var nodeArray = new ForestNode[nodes];
        for (var i = 0; i < nodes; i++)
        {
            nodeArray[i] = new ForestNode(reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt16(), reader.ReadBoolean());
        }

        var values = ReadDoubles(reader, valueCount);
        var importances = ReadDoubles(reader, features);
        var oob = reader.ReadDouble();
        try
        {
            return (new ForestLayout(nodeArray, roots, values, width, features), importances, oob);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("Inconsistent forest: " + e.Message, e);
        }
    }

    private static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reader.ReadDouble();
        }

        return result;
    }
}
