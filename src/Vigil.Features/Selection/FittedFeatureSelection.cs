using Vigil.Data.Frames;

namespace Vigil.Features.Selection;

/// <summary>The fitted <c>select</c> step: removes the columns dropped at fit time (those present) from every frame.</summary>
public sealed class FittedFeatureSelection : IFittedFeatureTransform
{
    /// <summary>The kind written in model files.</summary>
    public const string KindName = "vigil.features.select";

    private readonly string[] _dropped;

    /// <summary>Creates the fitted step from the dropped column names and (when just fitted) the report.</summary>
    public FittedFeatureSelection(IReadOnlyList<string> dropped, SelectionReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        _dropped = [.. dropped];
        Report = report;
    }

    /// <summary>The columns this step removes.</summary>
    public IReadOnlyList<string> DroppedColumns => _dropped;

    /// <summary>What was dropped and why; null for a step read back from a model file.</summary>
    public SelectionReport? Report { get; }

    /// <inheritdoc/>
    public string Kind => KindName;

    /// <summary>No column is required: the step only removes columns, and skips those already absent.</summary>
    public FrameSchema InputSchema { get; } = new([]);

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputColumns => [];

    /// <inheritdoc/>
    public DataFrame Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Drop(_dropped.Where(frame.Contains));
    }

    /// <inheritdoc/>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(1); // payload version
        writer.Write(_dropped.Length);
        foreach (var d in _dropped)
        {
            writer.Write(d);
        }
    }

    /// <summary>Reads a step written by <see cref="Write"/> (after its kind).</summary>
    public static FittedFeatureSelection Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != 1)
        {
            throw new InvalidDataException($"Selection payload version {version} is not supported (this build reads 1).");
        }

        var count = reader.ReadInt32();
        if (count is < 0 or > 1_000_000)
        {
            throw new InvalidDataException($"Selection: {count} dropped columns is not a valid count.");
        }

        var dropped = new string[count];
        for (var i = 0; i < count; i++)
        {
            dropped[i] = reader.ReadString();
        }

        return new FittedFeatureSelection(dropped);
    }

    /// <inheritdoc/>
    public string Describe() => _dropped.Length == 0
        ? "select: keeps every column"
        : Report is { } r
            ? "select: drops " + string.Join("; ", r.Dropped.Select(d => $"{d.Column} ({d.Reason}: {d.Detail})"))
            : "select: drops " + string.Join(", ", _dropped);
}
