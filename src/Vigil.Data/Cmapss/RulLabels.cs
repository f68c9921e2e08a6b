using Vigil.Data.Frames;

namespace Vigil.Data.Cmapss;

/// <summary>Adds the piecewise-linear remaining-useful-life target to a C-MAPSS training frame.</summary>
public static class RulLabels
{
    /// <summary>The RUL cap of the benchmark protocol (BENCHMARKS.md): early-life RUL is flat at 125 cycles.</summary>
    public const double DefaultCap = 125;

    /// <summary>The frame plus a <c>rul</c> column equal to min(<paramref name="cap"/>, last cycle of the unit − cycle).</summary>
    public static DataFrame Add(DataFrame frame, double cap = DefaultCap) => Add(frame, RulColumns.Cmapss, cap);

    /// <summary>The frame plus a target column (named by <paramref name="columns"/>) equal to min(<paramref name="cap"/>, last time of the group − time).</summary>
    public static DataFrame Add(DataFrame frame, RulColumns columns, double cap = DefaultCap)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        if (!(cap > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "The RUL cap must be positive (use double.PositiveInfinity for no cap).");
        }

        var units = frame.Get<Float64Column>(columns.Group).Values;
        var cycles = frame.Get<Float64Column>(columns.Time).Values;
        var lastCycle = new Dictionary<double, double>();
        for (var i = 0; i < units.Length; i++)
        {
            lastCycle[units[i]] = lastCycle.TryGetValue(units[i], out var last) ? Math.Max(last, cycles[i]) : cycles[i];
        }

        var rul = new double[units.Length];
        for (var i = 0; i < rul.Length; i++)
        {
            rul[i] = Math.Min(cap, lastCycle[units[i]] - cycles[i]);
        }

        return frame.WithColumn(new Float64Column(columns.Target, rul));
    }
}
