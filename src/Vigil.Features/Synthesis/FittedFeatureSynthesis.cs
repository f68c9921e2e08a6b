using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.Features.Synthesis;

/// <summary>The fitted <c>synthesize</c> step: computes the kept formulas from their parent columns at training and serving time.</summary>
public sealed class FittedFeatureSynthesis : IFittedFeatureTransform
{
    /// <summary>The kind written in model files.</summary>
    public const string KindName = "vigil.features.synthesize";

    private readonly SynthesizedFeature[] _features;
    private readonly double[] _gains;

    /// <summary>Creates the fitted step from kept formulas, their out-of-fold gains and (when just fitted) the report.</summary>
    public FittedFeatureSynthesis(IReadOnlyList<SynthesizedFeature> features, IReadOnlyList<double> gains, SynthesisReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(gains);
        if (features.Count != gains.Count)
        {
            throw new ArgumentException($"{features.Count} features but {gains.Count} gains.", nameof(gains));
        }

        _features = [.. features];
        _gains = [.. gains];
        Report = report;
        var parents = _features.SelectMany(f => f.Right is null ? [f.Left] : new[] { f.Left, f.Right }).Distinct(StringComparer.Ordinal);
        InputSchema = new FrameSchema([.. parents.Select(p => new ColumnSchema(p, ColumnKind.Float64))]);
    }

    /// <summary>The kept formulas, in the order their columns are added.</summary>
    public IReadOnlyList<SynthesizedFeature> Features => _features;

    /// <summary>The out-of-fold gain each kept formula added when it was chosen.</summary>
    public IReadOnlyList<double> Gains => _gains;

    /// <summary>The full report of the fit; null for a step read back from a model file.</summary>
    public SynthesisReport? Report { get; }

    /// <inheritdoc/>
    public string Kind => KindName;

    /// <inheritdoc/>
    public FrameSchema InputSchema { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputColumns => [.. _features.Select(f => f.Name)];

    /// <inheritdoc/>
    public DataFrame Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        foreach (var p in InputSchema.Columns)
        {
            if (!frame.TryGetColumn(p.Name, out var c) || c is not Float64Column)
            {
                throw new ArgumentException($"Synthesis needs the Float64 column '{p.Name}'; the frame has {(c is null ? "no such column" : c.Kind.ToString())}.", nameof(frame));
            }
        }

        var result = frame;
        foreach (var f in _features)
        {
            result = result.WithColumn(new Float64Column(f.Name, FeatureSynthesis.Compute(f, frame)));
        }

        return result;
    }

    /// <inheritdoc/>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(1); // payload version
        writer.Write(_features.Length);
        for (var i = 0; i < _features.Length; i++)
        {
            var f = _features[i];
            writer.Write(f.Name);
            writer.Write((int)f.Operation);
            writer.Write(f.Left);
            writer.Write(f.Right ?? string.Empty);
            writer.Write(f.Guard);
            writer.Write(_gains[i]);
        }
    }

    /// <summary>Reads a step written by <see cref="Write"/> (after its kind).</summary>
    public static FittedFeatureSynthesis Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != 1)
        {
            throw new InvalidDataException($"Synthesis payload version {version} is not supported (this build reads 1).");
        }

        var count = reader.ReadInt32();
        if (count is < 0 or > 100_000)
        {
            throw new InvalidDataException($"Synthesis: {count} features is not a valid count.");
        }

        var features = new SynthesizedFeature[count];
        var gains = new double[count];
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var op = (SynthesisOperation)reader.ReadInt32();
            if (!Enum.IsDefined(op))
            {
                throw new InvalidDataException($"Synthesis: unknown operation {(int)op} for '{name}'.");
            }

            var left = reader.ReadString();
            var right = reader.ReadString();
            features[i] = new SynthesizedFeature(name, op, left, op == SynthesisOperation.Square ? null : right, reader.ReadDouble());
            gains[i] = reader.ReadDouble();
        }

        return new FittedFeatureSynthesis(features, gains);
    }

    /// <inheritdoc/>
    public string Describe() => _features.Length == 0
        ? "synthesize: no candidate paid its way on the training folds; adds nothing"
        : "synthesize: adds " + string.Join("; ", _features.Select((f, i) => string.Create(CultureInfo.InvariantCulture, $"{f.Name} = {f.Formula} (OOF gain {_gains[i]:+0.0000})")));
}
