using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>
/// What the fitted window steps share: the scope, the batch transform (each group's values pushed in time order
/// through a <see cref="ColumnState"/>, results written back to the original rows) and the payload header.
/// </summary>
internal abstract class FittedWindowStep : IFittedFeatureTransform
{
    private const int PayloadVersion = 1;
    private readonly string[] _outputs;

    protected FittedWindowStep(WindowScope scope, string step, IReadOnlyList<string> featureSuffixes)
    {
        Scope = scope;
        Step = step;
        FeatureSuffixes = [.. featureSuffixes];
        _outputs = [.. scope.Columns.SelectMany(c => FeatureSuffixes.Select(s => $"{c}_{s}"))];
    }

    public abstract string Kind { get; }

    public WindowScope Scope { get; }

    /// <summary>The step's short name for messages, e.g. "rolling".</summary>
    public string Step { get; }

    /// <summary>The name suffixes of one column's features, e.g. "mean_w5"; <see cref="ColumnState.Push"/> writes them in this order.</summary>
    public IReadOnlyList<string> FeatureSuffixes { get; }

    public FrameSchema InputSchema => Scope.InputSchema;

    public IReadOnlyList<string> OutputColumns => _outputs;

    /// <summary>A fresh per-group memory for one column.</summary>
    public abstract ColumnState CreateState();

    public DataFrame Transform(DataFrame frame)
    {
        Scope.Check(frame, Step);
        var order = RowOrder.Compute(frame, Scope.Group?.Name, Scope.Time?.Name);
        var (n, k) = (frame.RowCount, FeatureSuffixes.Count);
        var state = CreateState();
        var features = new double[k];
        var result = frame;
        foreach (var column in Scope.Columns)
        {
            var values = frame.Get<Float64Column>(column).Values;
            var outputs = new double[k][];
            for (var f = 0; f < k; f++)
            {
                outputs[f] = new double[n];
            }

            for (var g = 0; g < order.GroupCount; g++)
            {
                state.Reset();
                for (var j = order.Starts[g]; j < order.Starts[g + 1]; j++)
                {
                    var row = order.Rows[j];
                    state.Push(values[row], features);
                    for (var f = 0; f < k; f++)
                    {
                        outputs[f][row] = features[f];
                    }
                }
            }

            for (var f = 0; f < k; f++)
            {
                result = result.WithColumn(new Float64Column($"{column}_{FeatureSuffixes[f]}", outputs[f]));
            }
        }

        return result;
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PayloadVersion);
        Scope.Write(writer);
        WriteParameters(writer);
    }

    public abstract string Describe();

    /// <summary>Reads the header written by <see cref="Write"/>: version, then scope.</summary>
    protected static WindowScope ReadHeader(BinaryReader reader, string kind)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != PayloadVersion)
        {
            throw new InvalidDataException($"{kind} payload version {version} is not supported (this build reads {PayloadVersion}).");
        }

        return WindowScope.Read(reader);
    }

    /// <summary>Reads a count-prefixed list of ints.</summary>
    protected static int[] ReadInts(BinaryReader reader, string what)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 10_000)
        {
            throw new InvalidDataException($"Window step: {count} {what} is not a valid count.");
        }

        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadInt32();
        }

        return values;
    }

    /// <summary>Writes a count-prefixed list of ints.</summary>
    protected static void WriteInts(BinaryWriter writer, IReadOnlyList<int> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    /// <summary>Checks options read back from a file; a corrupt payload becomes <see cref="InvalidDataException"/>.</summary>
    protected static void ThrowIfCorrupt(IReadOnlyList<string> errors, string kind)
    {
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{kind} payload is invalid: {string.Join(" ", errors)}");
        }
    }

    protected abstract void WriteParameters(BinaryWriter writer);
}
