namespace Vigil.Tracking.Runs;

/// <summary>One logged metric value; a key's history is every value logged for it.</summary>
/// <param name="Key">The metric name.</param>
/// <param name="Value">The value; NaN and ±infinity are allowed and round-trip.</param>
/// <param name="Timestamp">When it was measured, Unix epoch milliseconds.</param>
/// <param name="Step">The training step (0 when not given).</param>
public sealed record Metric(string Key, double Value, long Timestamp, long Step = 0);

/// <summary>A run parameter: immutable once logged (logging another value for the key is an error; the same value is a no-op).</summary>
/// <param name="Key">The parameter name.</param>
/// <param name="Value">The value as text.</param>
public sealed record Param(string Key, string Value);

/// <summary>A key/value tag on a run, experiment, dataset input, model or model version; setting a key again overwrites it.</summary>
/// <param name="Key">The tag key.</param>
/// <param name="Value">The tag value.</param>
public sealed record Tag(string Key, string Value);
