namespace Vigil.Data.Cmapss;

/// <summary>Options for <see cref="RulWindows"/>; immutable and validated at construction (all errors reported together).</summary>
public sealed record RulWindowOptions
{
    /// <summary>The 14 informative FD001 sensors of the benchmark protocol (BENCHMARKS.md).</summary>
    public static IReadOnlyList<string> ProtocolSensors { get; } =
        ["s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s15", "s17", "s20", "s21"];

    /// <summary>Creates options; null <paramref name="sensorColumns"/> means <see cref="ProtocolSensors"/>.</summary>
    public RulWindowOptions(
        IReadOnlyList<string>? sensorColumns = null,
        int windowLength = 30,
        int stride = 1,
        RulPadding padding = RulPadding.RepeatFirstRow)
    {
        string[] sensors = [.. sensorColumns ?? ProtocolSensors];
        var errors = new List<string>();
        if (sensors.Length == 0)
        {
            errors.Add("SensorColumns must name at least one column.");
        }

        if (sensors.Any(string.IsNullOrEmpty))
        {
            errors.Add("SensorColumns must not contain empty names.");
        }

        if (sensors.Distinct(StringComparer.Ordinal).Count() != sensors.Length)
        {
            errors.Add("SensorColumns must not repeat a column.");
        }

        if (windowLength < 1)
        {
            errors.Add($"WindowLength must be at least 1 (was {windowLength}).");
        }

        if (stride < 1)
        {
            errors.Add($"Stride must be at least 1 (was {stride}).");
        }

        if (!Enum.IsDefined(padding))
        {
            errors.Add($"Padding {(int)padding} is not a defined value.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }

        SensorColumns = sensors;
        WindowLength = windowLength;
        Stride = stride;
        Padding = padding;
    }

    /// <summary>The feature columns, in feature order (default <see cref="ProtocolSensors"/>).</summary>
    public IReadOnlyList<string> SensorColumns { get; }

    /// <summary>The number of cycles per window (default 30).</summary>
    public int WindowLength { get; }

    /// <summary>The step between consecutive window ends within a unit (default 1).</summary>
    public int Stride { get; }

    /// <summary>The rule for units shorter than the window (default <see cref="RulPadding.RepeatFirstRow"/>).</summary>
    public RulPadding Padding { get; }
}
