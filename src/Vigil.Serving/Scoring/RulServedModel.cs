using System.Globalization;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Rul;
using Vigil.Serving.Inputs;

namespace Vigil.Serving.Scoring;

/// <summary>
/// A served <see cref="RulModel"/>: records are telemetry rows (unit, time, sensors) of one or more units; the answer has
/// one row per unit, predicted from its latest window (as <c>vigil predict</c> does per unit), keyed by the unit id.
/// Immutable and thread-safe.
/// </summary>
internal sealed class RulServedModel : IServedModel, IRecordSchemaSource
{
    private readonly RulModel _model;

    public RulServedModel(RulModel model, ModelIdentity identity)
    {
        _model = model;
        Identity = identity;
        InputSchema = new FrameSchema([
            new ColumnSchema(model.Columns.Group, ColumnKind.Float64, Required: true),
            new ColumnSchema(model.Columns.Time, ColumnKind.Float64, Required: true),
            .. model.SensorColumns.Select(s => new ColumnSchema(s, ColumnKind.Float64, Required: true)),
        ]);
        RecordSchema = new RecordSchema(InputSchema);
    }

    public ModelIdentity Identity { get; }

    public ModelTask Task => ModelTask.Regression;

    public string Kind => ServedModels.RulKind;

    public FrameSchema InputSchema { get; }

    public RecordSchema RecordSchema { get; }

    /// <summary>The model served.</summary>
    public RulModel Model => _model;

    public ScoreResult Score(DataFrame records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        CheckUnits(records);
        RulWindowSet windows;
        try
        {
            windows = _model.Windows(records.Contains(_model.Columns.Target) ? records.Drop(_model.Columns.Target) : records, lastOnly: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or KeyNotFoundException)
        {
            throw new InputValidationException($"The records do not fit the RUL model: {ex.Message}", ex);
        }

        var units = Units(records);
        if (windows.Count != units.Count)
        {
            var scored = windows.UnitIds.ToHashSet();
            var short_ = units.Where(u => !scored.Contains(u)).Take(10).Select(u => u.ToString(CultureInfo.InvariantCulture));
            throw new InputValidationException(new InputError(_model.Columns.Group, null,
                $"unit(s) {string.Join(", ", short_)} have fewer than the {_model.WindowOptions.WindowLength.ToString(CultureInfo.InvariantCulture)} rows the model's window needs (padding is off); send at least that many time steps per unit"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var predictions = _model.Predict(windows);
        var keys = new string[windows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = windows.UnitIds[i].ToString(CultureInfo.InvariantCulture);
        }

        return new ScoreResult(windows.Count, null, predictions, null, null, keys);
    }

    private List<int> Units(DataFrame records)
    {
        var seen = new HashSet<int>();
        var order = new List<int>();
        foreach (var u in records.Get<Float64Column>(_model.Columns.Group).Values)
        {
            if (seen.Add((int)u))
            {
                order.Add((int)u);
            }
        }

        return order;
    }

    /// <summary>Unit ids must be whole numbers that fit an int (windows key units by int), and a unit may not repeat a time step.</summary>
    private void CheckUnits(DataFrame records)
    {
        var group = _model.Columns.Group;
        var time = _model.Columns.Time;
        if (!records.TryGetColumn(group, out var g) || g is not Float64Column units || !records.TryGetColumn(time, out var t) || t is not Float64Column times)
        {
            throw new InputValidationException($"The records need numeric \"{group}\" and \"{time}\" columns.");
        }

        var errors = new List<InputError>();
        var steps = new HashSet<(double, double)>();
        for (var i = 0; i < records.RowCount && errors.Count < 20; i++)
        {
            var u = units[i];
            if (double.IsNaN(u) || u != Math.Floor(u) || u < int.MinValue || u > int.MaxValue)
            {
                errors.Add(new InputError(group, i, $"records[{i.ToString(CultureInfo.InvariantCulture)}].\"{group}\": a unit id must be a whole number"));
            }
            else if (!steps.Add((u, times[i])))
            {
                errors.Add(new InputError(time, i, $"records[{i.ToString(CultureInfo.InvariantCulture)}].\"{time}\": unit {u.ToString(CultureInfo.InvariantCulture)} already has a row at {time} {times[i].ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
    }
}
