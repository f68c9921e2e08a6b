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
    public RulWindowSet Build(DataFrame frame) => Cut(frame, lastOnly: false);

    /// <summary>The last window of each unit (the official test protocol); targets come from the <c>rul</c> column when present.</summary>
    public RulWindowSet LastWindows(DataFrame frame) => Cut(frame, lastOnly: true);

    private RulWindowSet Cut(DataFrame frame, bool lastOnly)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var length = _options.WindowLength;
        var features = _options.SensorColumns.Count;
        var sensors = new double[features][];
        for (var f = 0; f < features; f++)
        {
            sensors[f] = frame.Get<Float64Column>(_options.SensorColumns[f]).ToArray();
        }

        var units = frame.Get<Float64Column>("unit").Values;
        var cycles = frame.Get<Float64Column>("cycle").Values;
        double[]? rul = frame.Contains("rul") ? frame.Get<Float64Column>("rul").ToArray() : null;

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
