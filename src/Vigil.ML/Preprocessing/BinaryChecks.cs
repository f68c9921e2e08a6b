namespace Vigil.ML.Preprocessing;

/// <summary>Bounds-checked reads shared by the binary formats of standardizers, linear models, SVMs, k-means and isolation forests.</summary>
internal static class BinaryChecks
{
    /// <summary>Reads a non-negative int32 count whose items need at least <paramref name="bytesPerItem"/> bytes each in what remains.</summary>
    public static int ReadCount(BinaryReader reader, long bytesPerItem)
    {
        var count = reader.ReadInt32();
        var stream = reader.BaseStream;
        var remaining = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
        if (count < 0 || count * bytesPerItem > remaining)
        {
            throw new InvalidDataException($"Count {count} does not fit in the {remaining} bytes left.");
        }

        return count;
    }

    public static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reader.ReadDouble();
        }

        return result;
    }

    public static int[] ReadInts(BinaryReader reader, int count)
    {
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reader.ReadInt32();
        }

        return result;
    }

    public static void WriteAll(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static void WriteAll(BinaryWriter writer, ReadOnlySpan<int> values)
    {
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }
}
