namespace Vigil.ML.Boosting;

/// <summary>
/// The binary layout of a <see cref="BoostedEnsemble"/>, little-endian: int32 features, outputs, trees, nodes,
/// validation-loss count; float64 base scores (outputs); int32 tree roots (trees); per node float64 value, int32
/// feature (~f when NaN goes left), int32 left child (0 for a leaf); float64 importances (features); float64 losses.
/// </summary>
internal static class BoostedEnsembleFormat
{
    private const int NodeBytes = 8 + 4 + 4;

    public static void Write(BinaryWriter writer, BoostedEnsemble e)
    {
        writer.Write(e.FeatureCount);
        writer.Write(e.Outputs);
        writer.Write(e.TreeCount);
        writer.Write(e.Nodes.Length);
        writer.Write(e.ValidationLosses.Length);
        foreach (var v in e.BaseScores)
        {
            writer.Write(v);
        }

        foreach (var r in e.Roots)
        {
            writer.Write(r);
        }

        foreach (var n in e.Nodes)
        {
            writer.Write(n.Value);
            writer.Write(n.Feature);
            writer.Write(n.Left);
        }

        foreach (var v in e.Importances)
        {
            writer.Write(v);
        }

        foreach (var v in e.ValidationLosses)
        {
            writer.Write(v);
        }
    }

    public static BoostedEnsemble Read(BinaryReader reader)
    {
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        int features = reader.ReadInt32(), outputs = reader.ReadInt32(), trees = reader.ReadInt32(), nodes = reader.ReadInt32(), losses = reader.ReadInt32();
        var expected = 20 + (8L * outputs) + (4L * trees) + ((long)NodeBytes * nodes) + (8L * features) + (8L * losses);
        if (features < 0 || outputs < 1 || trees < 0 || nodes < 0 || losses < 0 || expected > remaining)
        {
            throw new InvalidDataException(
                $"Ensemble header (features {features}, outputs {outputs}, trees {trees}, nodes {nodes}, losses {losses}) needs {expected} bytes, found {remaining}.");
        }

        var baseScores = ReadDoubles(reader, outputs);
        var roots = new int[trees];
        for (var i = 0; i < trees; i++)
        {
            roots[i] = reader.ReadInt32();
        }

        var all = new EnsembleNode[nodes];
        for (var i = 0; i < nodes; i++)
        {
            all[i] = new EnsembleNode(reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
        }

        var importances = ReadDoubles(reader, features);
        var validationLosses = ReadDoubles(reader, losses);
        try
        {
            return new BoostedEnsemble(all, roots, outputs, features, baseScores, importances, validationLosses);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }
}
