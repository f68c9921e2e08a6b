namespace Vigil.ML.Ensembles;

/// <summary>Length-prefixed arrays and checked counts for the ensemble codecs.</summary>
internal static class CodecIo
{
    /// <summary>A count read from a payload, rejected when negative or larger than the bytes left could hold.</summary>
    public static int Count(BinaryReader reader, string what, int bytesPerItem = 1)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * bytesPerItem > left)
        {
            throw new InvalidDataException($"The {what} count {count} does not fit in the {left} bytes left.");
        }

        return count;
    }

    public static void WriteDoubles(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static double[] ReadDoubles(BinaryReader reader, string what)
    {
        var result = new double[Count(reader, what, 8)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = reader.ReadDouble();
        }

        return result;
    }

    public static void WriteColumns(BinaryWriter writer, ColumnSubset? columns)
    {
        writer.Write(columns is null ? -1 : columns.Width);
        if (columns is not null)
        {
            foreach (var c in columns.Columns)
            {
                writer.Write(c);
            }
        }
    }

    public static ColumnSubset? ReadColumns(BinaryReader reader, int sourceWidth)
    {
        var width = reader.ReadInt32();
        if (width == -1)
        {
            return null;
        }

        if (width < 1 || width > sourceWidth)
        {
            throw new InvalidDataException($"A member sees {width} of {sourceWidth} columns.");
        }

        var columns = new int[width];
        for (var i = 0; i < width; i++)
        {
            columns[i] = reader.ReadInt32();
        }

        return new ColumnSubset(columns, sourceWidth);
    }

    public static T Nested<T>(BinaryReader reader, int formatVersion, Persistence.ModelCodecs codecs, string what)
        where T : class =>
        codecs.ReadNested(reader, formatVersion) as T ?? throw new InvalidDataException($"The {what} is not a {typeof(T).Name}.");

    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException(message);
        }
    }
}
