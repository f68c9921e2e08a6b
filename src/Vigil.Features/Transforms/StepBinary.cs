namespace Vigil.Features.Transforms;

/// <summary>Bounds-checked binary helpers shared by the fitted steps' Write and Read.</summary>
internal static class StepBinary
{
    /// <summary>Reads the payload version and throws <see cref="InvalidDataException"/> unless it is <paramref name="expected"/>.</summary>
    public static void ReadVersion(BinaryReader reader, int expected, string kind)
    {
        var version = reader.ReadInt32();
        if (version != expected)
        {
            throw new InvalidDataException($"Feature step '{kind}' payload version {version} is not supported (this build reads {expected}).");
        }
    }

    /// <summary>Reads a non-negative count whose items need at least <paramref name="bytesPerItem"/> bytes each in what remains.</summary>
    public static int ReadCount(BinaryReader reader, int bytesPerItem)
    {
        var count = reader.ReadInt32();
        var stream = reader.BaseStream;
        var remaining = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
        return count >= 0 && (long)count * bytesPerItem <= remaining
            ? count
            : throw new InvalidDataException($"Feature step: count {count} does not fit in the {remaining} bytes left.");
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyCollection<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var result = new string[ReadCount(reader, 1)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = reader.ReadString();
        }

        return result;
    }

    public static void WriteDoubles(BinaryWriter writer, IReadOnlyCollection<double> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static double[] ReadDoubles(BinaryReader reader)
    {
        var result = new double[ReadCount(reader, 8)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = reader.ReadDouble();
        }

        return result;
    }

    /// <summary>Reads an int32 enum value and checks it is one of <paramref name="count"/> members.</summary>
    public static T ReadEnum<T>(BinaryReader reader, int count)
        where T : struct, Enum
    {
        var value = reader.ReadInt32();
        return value >= 0 && value < count ? (T)(object)value : throw new InvalidDataException($"Feature step: {typeof(T).Name} value {value} is out of range.");
    }

    /// <summary>Throws <see cref="InvalidDataException"/> unless the arrays have the same length.</summary>
    public static void RequireSameLength(string kind, int expected, params int[] lengths)
    {
        if (lengths.Any(l => l != expected))
        {
            throw new InvalidDataException($"Feature step '{kind}': inconsistent array lengths.");
        }
    }
}
