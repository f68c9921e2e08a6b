using Vigil.Data.Frames;

namespace Vigil.Data.Cmapss;

/// <summary>
/// Cuts per-unit sliding windows of sensor values from a C-MAPSS frame (rows grouped by unit, cycles increasing).
/// Window ends start at the unit's <c>WindowLength</c>-th row and advance by <c>Stride</c>; a unit shorter than the window
/// yields one window ending at its last row, padded at the front by repeating its first row, or none under <see cref="RulPadding.Skip"/>.
/// Scale the frame first (for example with a <see cref="MinMaxScaler"/> fitted on the training frame).
/// </summary>
public sealed class RulWindows
{
    private readonly RulWindowOptions _options;

    /// <summary>Creates a window builder with the given options (default: protocol sensors, 30 cycles, stride 1, front padding).</summary>
    public RulWindows(RulWindowOptions? options = null) => _options = options ?? new RulWindowOptions();

    /// <summary>The options in use.</summary>
    public RulWindowOptions Options => _options;

    /// <summary>All sliding windows of every unit; targets come from the <c>rul</c> column when present.</summary>
    public RulWindowSet Build(DataFrame frame) => Cut(frame, RulColumns.Cmapss, lastOnly: false);

    /// <summary>The last window of each unit (the official test protocol); targets come from the <c>rul</c> column when present.</summary>
    public RulWindowSet LastWindows(DataFrame frame) => Cut(frame, RulColumns.Cmapss, lastOnly: true);

    /// <summary>All sliding windows of every unit, with the group, time and target columns named by <paramref name="columns"/> (targets when the target column is present).</summary>
    public RulWindowSet Build(DataFrame frame, RulColumns columns) => Cut(frame, columns, lastOnly: false);

    /// <summary>The last window of each unit, with the group, time and target columns named by <paramref name="columns"/>.</summary>
    public RulWindowSet LastWindows(DataFrame frame, RulColumns columns) => Cut(frame, columns, lastOnly: true);

    private RulWindowSet Cut(DataFrame frame, RulColumns columns, bool lastOnly)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        var length = _options.WindowLength;
        var features = _options.SensorColumns.Count;
        var sensors = new double[features][];
        for (var f = 0; f < features; f++)
        {
            sensors[f] = frame.Get<Float64Column>(_options.SensorColumns[f]).ToArray();
        }

        var units = frame.Get<Float64Column>(columns.Group).Values;
        var cycles = frame.Get<Float64Column>(columns.Time).Values;
        double[]? rul = frame.Contains(columns.Target) ? frame.Get<Float64Column>(columns.Target).ToArray() : null;

        var values = new List<float>();
        var targets = new List<float>();
        var unitIds = new List<int>();
        var endCycles = new List<int>();
        foreach (var (start, count) in UnitRuns(units, cycles))
        {
            if (count < length && _options.Padding == RulPadding.Skip)
            {
                continue;
            }

            var firstEnd = Math.Min(length, count) - 1;
            var ends = lastOnly
                ? [count - 1]
                : Enumerable.Range(0, ((count - 1 - firstEnd) / _options.Stride) + 1).Select(k => firstEnd + (k * _options.Stride));
            foreach (var end in ends)
            {
                for (var t = end - length + 1; t <= end; t++)
                {
                    var row = start + Math.Max(t, 0);
                    for (var f = 0; f < features; f++)
                    {
                        values.Add((float)sensors[f][row]);
                    }
                }

                if (rul is not null)
                {
                    targets.Add((float)rul[start + end]);
                }

                unitIds.Add((int)units[start]);
                endCycles.Add((int)cycles[start + end]);
            }
        }

        return new RulWindowSet([.. values], length, features, [.. targets], [.. unitIds], [.. endCycles]);
    }

    /// <summary>
    /// Checks that the group, time and sensor columns exist and are numeric (naming every missing or non-numeric column in one
    /// <see cref="ArgumentException"/>), then returns the frame's rows ordered by unit (in order of first appearance) and time.
    /// </summary>
    public static DataFrame Prepare(DataFrame frame, RulColumns columns, IEnumerable<string> sensors)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(sensors);
        var problems = new List<string>();
        foreach (var (role, name) in new[] { ("group", columns.Group), ("time", columns.Time) }.Concat(sensors.Select(s => ("sensor", s))))
        {
            if (!frame.TryGetColumn(name, out var column))
            {
                problems.Add($"{role} column '{name}' is missing");
            }
            else if (column is not Float64Column)
            {
                problems.Add($"{role} column '{name}' is {column.Kind}, not numeric");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems) + $" (the frame has: {string.Join(", ", frame.ColumnNames)}).");
        }

        var units = frame.Get<Float64Column>(columns.Group).Values;
        var times = frame.Get<Float64Column>(columns.Time).Values;
        var first = new Dictionary<double, int>();
        for (var i = 0; i < units.Length; i++)
        {
            if (double.IsNaN(units[i]) || double.IsNaN(times[i]))
            {
                throw new ArgumentException($"Row {i}: the {(double.IsNaN(units[i]) ? "group column '" + columns.Group : "time column '" + columns.Time)}' is missing.");
            }

            first.TryAdd(units[i], first.Count);
        }

        var order = new int[units.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var unitCopy = units.ToArray();
        var timeCopy = times.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byUnit = first[unitCopy[a]].CompareTo(first[unitCopy[b]]);
            return byUnit != 0 ? byUnit : timeCopy[a] != timeCopy[b] ? timeCopy[a].CompareTo(timeCopy[b]) : a.CompareTo(b);
        });
        var sorted = true;
        for (var i = 0; i < order.Length && sorted; i++)
        {
            sorted = order[i] == i;
        }

        return sorted ? frame : frame.Take(order);
    }

    private static List<(int Start, int Count)> UnitRuns(ReadOnlySpan<double> units, ReadOnlySpan<double> cycles)
    {
        var runs = new List<(int Start, int Count)>();
        var seen = new HashSet<double>();
        for (var i = 0; i < units.Length; i++)
        {
            if (i > 0 && units[i] == units[i - 1])
            {
                if (!(cycles[i] > cycles[i - 1]))
                {
                    throw new ArgumentException($"Row {i}: unit {units[i]} cycle {cycles[i]} does not follow cycle {cycles[i - 1]}; sort rows by unit and cycle.");
                }

                runs[^1] = (runs[^1].Start, runs[^1].Count + 1);
                continue;
            }

            if (!seen.Add(units[i]))
            {
                throw new ArgumentException($"Row {i}: unit {units[i]} appears again after other units; rows must be grouped by unit.");
            }

            runs.Add((i, 1));
        }

        return runs;
    }
}
