using System.Globalization;
using Vigil.Data.Frames;
using Vigil.ML.Anomaly;

namespace Vigil.Features.Transforms;

/// <summary>Adds the isolation-forest anomaly score in (0, 1] (higher = more anomalous); rows with a missing or infinite input get NaN.</summary>
internal sealed class FittedIsolationScore : IFittedFeatureTransform
{
    public const string KindName = "vigil.features.isolation-score";
    public const string StepName = "isolation_score";
    private const int PayloadVersion = 1;
    private readonly string[] _columns;
    private readonly IsolationForestModel _forest;

    public FittedIsolationScore(string[] columns, string output, IsolationForestModel forest)
    {
        if (forest.FeatureCount != columns.Length)
        {
            throw new ArgumentException($"The forest expects {forest.FeatureCount} features, not {columns.Length}.", nameof(forest));
        }

        (_columns, _forest) = (columns, forest);
        InputSchema = new FrameSchema([.. columns.Select(c => new ColumnSchema(c, ColumnKind.Float64))]);
        OutputColumns = [output];
    }

    public string Kind => KindName;

    public FrameSchema InputSchema { get; }

    public IReadOnlyList<string> OutputColumns { get; }

    public DataFrame Transform(DataFrame frame)
    {
        var rows = NumericRows.Read(frame, _columns, StepName);
        ColumnSelection.RequireFree(frame, OutputColumns, [], StepName);
        var scores = new double[frame.RowCount];
        var row = new double[_columns.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            if (rows.Complete[i])
            {
                rows.CopyRow(i, row);
                scores[i] = _forest.Score(row);
            }
            else
            {
                scores[i] = double.NaN;
            }
        }

        return frame.WithColumn(new Float64Column(OutputColumns[0], scores));
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PayloadVersion);
        StepBinary.WriteStrings(writer, _columns);
        writer.Write(OutputColumns[0]);
        _forest.Write(writer);
    }

    public static FittedIsolationScore Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StepBinary.ReadVersion(reader, PayloadVersion, KindName);
        var (columns, output) = (StepBinary.ReadStrings(reader), reader.ReadString());
        try
        {
            return new FittedIsolationScore(columns, output, IsolationForestModel.Read(reader));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{StepName}: {OutputColumns[0]} from an isolation forest of {_forest.TreeCount} trees (ψ = {_forest.SamplesPerTree}) over {string.Join(", ", _columns)}");
}
