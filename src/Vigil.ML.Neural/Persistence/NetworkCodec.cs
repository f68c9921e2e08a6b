using System.Runtime.InteropServices;

namespace Vigil.ML.Neural.Persistence;

/// <summary>
/// Writes and reads a <see cref="Network"/> in a compact binary form: a magic tag and version, the input shape, the layer count, and
/// per layer its kind, its settings (ordinal-sorted key/value strings) and its parameters (name and length-prefixed float32 values,
/// little-endian).
/// </summary>
public static class NetworkCodec
{
    /// <summary>The tag that opens every encoded network ("VNN" + version byte).</summary>
    private const int Magic = 0x014E4E56;

    /// <summary>The format version written by <see cref="Write"/>.</summary>
    public const int FormatVersion = 1;

    /// <summary>Encodes <paramref name="network"/> (structure and current weights) into <paramref name="writer"/>.</summary>
    public static void Write(BinaryWriter writer, Network network)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(network);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(network.InputShape.Steps);
        writer.Write(network.InputShape.Channels);
        writer.Write(network.Layers.Count);
        foreach (var layer in network.Layers)
        {
            writer.Write(layer.Kind);
            var settings = layer.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
            writer.Write(settings.Length);
            foreach (var (key, value) in settings)
            {
                writer.Write(key);
                writer.Write(value);
            }

            writer.Write(layer.Parameters.Count);
            foreach (var parameter in layer.Parameters)
            {
                writer.Write(parameter.Name);
                writer.Write(parameter.Length);
                WriteFloats(writer, parameter.Value);
            }
        }
    }

    /// <summary>Decodes a network written by <see cref="Write"/>, rebuilding its layers with <paramref name="catalog"/> (default <see cref="LayerCatalog.Default"/>).</summary>
    /// <exception cref="InvalidDataException">The data is not an encoded network, names an unknown layer kind, or does not match the rebuilt layers.</exception>
    public static Network Read(BinaryReader reader, LayerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        catalog ??= LayerCatalog.Default;
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("The data is not an encoded Vigil network (bad magic tag).");
        }

        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The network format version {version} is not supported (expected {FormatVersion}).");
        }

        var steps = reader.ReadInt32();
        var channels = reader.ReadInt32();
        if (steps < 1 || channels < 1)
        {
            throw new InvalidDataException($"The encoded input shape ({steps}×{channels}) is invalid.");
        }

        var layerCount = reader.ReadInt32();
        if (layerCount < 1 || layerCount > 100_000)
        {
            throw new InvalidDataException($"The encoded layer count {layerCount} is invalid.");
        }

        var layers = new Layer[layerCount];
        var values = new (string Name, float[] Values)[layerCount][];
        for (var i = 0; i < layerCount; i++)
        {
            var kind = reader.ReadString();
            var settingCount = ReadCount(reader, "setting");
            var settings = new Dictionary<string, string>(settingCount, StringComparer.Ordinal);
            for (var s = 0; s < settingCount; s++)
            {
                var key = reader.ReadString();
                if (!settings.TryAdd(key, reader.ReadString()))
                {
                    throw new InvalidDataException($"Layer {i} ({kind}) repeats the setting '{key}'.");
                }
            }

            layers[i] = catalog.Create(kind, settings);
            var parameterCount = ReadCount(reader, "parameter");
            var parameters = new (string, float[])[parameterCount];
            for (var p = 0; p < parameterCount; p++)
            {
                var name = reader.ReadString();
                var length = ReadCount(reader, "value");
                var data = new float[length];
                ReadFloats(reader, data);
                parameters[p] = (name, data);
            }

            values[i] = parameters;
        }

        Network network;
        try
        {
            network = Network.Assemble(new SequenceShape(steps, channels), layers);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The encoded layers do not fit together: {e.Message}", e);
        }

        for (var i = 0; i < layerCount; i++)
        {
            var layer = network.Layers[i];
            var stored = values[i];
            if (stored.Length != layer.Parameters.Count)
            {
                throw new InvalidDataException($"Layer {i} ({layer.Kind}) was stored with {stored.Length} parameters; the rebuilt layer has {layer.Parameters.Count}.");
            }

            for (var p = 0; p < stored.Length; p++)
            {
                var parameter = layer.Parameters[p];
                var (name, data) = stored[p];
                if (!string.Equals(name, parameter.Name, StringComparison.Ordinal) || data.Length != parameter.Length)
                {
                    throw new InvalidDataException($"Layer {i} ({layer.Kind}) parameter {p} was stored as '{name}' with {data.Length} values; the rebuilt layer expects '{parameter.Name}' with {parameter.Length}.");
                }

                data.CopyTo(parameter.Value, 0);
            }
        }

        return network;
    }

    private static int ReadCount(BinaryReader reader, string what)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"A negative {what} count ({count}) in the encoded network.");
        }

        return count;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static void ReadFloats(BinaryReader reader, float[] values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadSingle();
            }

            return;
        }

        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        while (!bytes.IsEmpty)
        {
            var read = reader.Read(bytes);
            if (read == 0)
            {
                throw new EndOfStreamException("The encoded network ends inside a parameter's values.");
            }

            bytes = bytes[read..];
        }
    }
}
