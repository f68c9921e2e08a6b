namespace Vigil.Features;

/// <summary>Reads fitted transforms back by kind: one explicit table, built once, passed where needed (no global registry).</summary>
public sealed class FeatureStepCodecs
{
    private readonly Dictionary<string, Func<BinaryReader, IFittedFeatureTransform>> _readers;

    /// <summary>Creates a table from kind → reader pairs.</summary>
    public FeatureStepCodecs(IEnumerable<KeyValuePair<string, Func<BinaryReader, IFittedFeatureTransform>>> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = new(readers, StringComparer.Ordinal);
    }

    /// <summary>The known kinds.</summary>
    public IReadOnlyCollection<string> Kinds => _readers.Keys;

    /// <summary>A table with one more reader (replacing the same kind).</summary>
    public FeatureStepCodecs With(string kind, Func<BinaryReader, IFittedFeatureTransform> reader)
    {
        var copy = new Dictionary<string, Func<BinaryReader, IFittedFeatureTransform>>(_readers, StringComparer.Ordinal) { [kind] = reader };
        return new(copy);
    }

    /// <summary>Reads one step: its kind, then its parameters; throws <see cref="InvalidDataException"/> for an unknown kind.</summary>
    public IFittedFeatureTransform Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = reader.ReadString();
        return _readers.TryGetValue(kind, out var read)
            ? read(reader)
            : throw new InvalidDataException($"Unknown feature step kind '{kind}'; known: {string.Join(", ", _readers.Keys.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>Writes one step: its kind, then its parameters.</summary>
    public static void Write(IFittedFeatureTransform step, BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(step.Kind);
        step.Write(writer);
    }
}
