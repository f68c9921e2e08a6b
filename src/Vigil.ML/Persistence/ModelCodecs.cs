using Vigil.ML.Boosting;
using Vigil.ML.Ensembles;
using Vigil.ML.Forests;
using Vigil.ML.Linear;
using Vigil.ML.Svm;
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
        new DecisionTreeRegressorCodec(), new RandomForestClassifierCodec(), new RandomForestRegressorCodec(),
        new HistGradientBoostingClassifierCodec(), new HistGradientBoostingRegressorCodec(),
        new LogisticRegressionCodec(), new LinearRegressionCodec(), new KernelSvmCodec(), new LinearSvmCodec(),
        new BaggingClassifierCodec(), new BaggingRegressorCodec(), new AdaBoostCodec(),
        new StackingClassifierCodec(), new StackingRegressorCodec(), new VotingClassifierCodec(), new AveragingRegressorCodec(),
        new LinearCombinerCodec(),
        new Rul.RulModelCodec(), new Rul.WindowStatisticsRegressorCodec(), new Rul.TransformedWindowRegressorCodec(), new Rul.AveragingWindowRegressorCodec(),
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

    /// <summary>Writes a member model of an ensemble: its kind name, an int32 payload length, then its payload.</summary>
    /// <remarks>The length prefix gives every nested payload its own bounded stream, so codecs that check the bytes left work nested too.</remarks>
    public void WriteNested(object model, BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        var codec = FindFor(model) ?? throw new ArgumentException($"No model codec can write a {model.GetType().Name}.", nameof(model));
        using var payload = new MemoryStream();
        using (var inner = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            codec.Write(model, inner, this);
        }

        writer.Write(codec.Kind);
        writer.Write((int)payload.Length);
        writer.Write(payload.GetBuffer(), 0, (int)payload.Length);
    }

    /// <summary>Reads a member model written by <see cref="WriteNested"/>; its codec must consume exactly its payload.</summary>
    public object ReadNested(BinaryReader reader, int formatVersion)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = reader.ReadString();
        var codec = Find(kind) ?? throw new InvalidDataException($"No codec reads nested model kind '{kind}'.");
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"Nested '{kind}' payload length {length} does not fit in the bytes left.");
        }

        using var payload = new MemoryStream(reader.ReadBytes(length), writable: false);
        using var inner = new BinaryReader(payload);
        var model = codec.Read(inner, formatVersion, this);
        if (payload.Position != payload.Length)
        {
            throw new InvalidDataException($"Nested '{kind}' payload has {payload.Length - payload.Position} unread bytes.");
        }

        return model;
    }
}
