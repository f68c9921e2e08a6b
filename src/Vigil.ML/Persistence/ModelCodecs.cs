using Vigil.ML.Forests;
using Vigil.ML.Trees;

namespace Vigil.ML.Persistence;

/// <summary>An immutable set of model codecs, passed explicitly to <see cref="ModelFile"/> (no global registry).</summary>
public sealed class ModelCodecs
{
    private readonly IModelCodec[] _codecs;

    private ModelCodecs(IModelCodec[] codecs) => _codecs = codecs;

    /// <summary>The codecs of every model kind in Vigil.ML.</summary>
    public static ModelCodecs Default { get; } = new(
    [
        new DecisionTreeCodec(),
        new DecisionTreeRegressorCodec(),
        new RandomForestClassifierCodec(),
        new RandomForestRegressorCodec(),
    ]);

    /// <summary>The registered codecs.</summary>
    public IReadOnlyList<IModelCodec> Codecs => _codecs;

    /// <summary>A new set with <paramref name="codec"/> added (replacing one of the same kind).</summary>
    public ModelCodecs With(IModelCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return new([.. _codecs.Where(c => c.Kind != codec.Kind), codec]);
    }

    /// <summary>The codec for a model kind, or null.</summary>
    public IModelCodec? Find(string kind) => _codecs.FirstOrDefault(c => c.Kind == kind);

    /// <summary>The first codec that can write <paramref name="model"/>, or null.</summary>
    public IModelCodec? FindFor(object model) => _codecs.FirstOrDefault(c => c.CanWrite(model));

    /// <summary>Writes a member model of an ensemble: its kind name, then its payload.</summary>
    public void WriteNested(object model, BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        var codec = FindFor(model) ?? throw new ArgumentException($"No model codec can write a {model.GetType().Name}.", nameof(model));
        writer.Write(codec.Kind);
        codec.Write(model, writer, this);
    }

    /// <summary>Reads a member model written by <see cref="WriteNested"/>.</summary>
    public object ReadNested(BinaryReader reader, int formatVersion)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = reader.ReadString();
        var codec = Find(kind) ?? throw new InvalidDataException($"No codec reads nested model kind '{kind}'.");
        return codec.Read(reader, formatVersion, this);
    }
}
