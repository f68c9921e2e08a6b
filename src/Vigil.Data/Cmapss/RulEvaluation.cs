namespace Vigil.Data.Cmapss;

/// <summary>RUL metrics against the capped truth (the headline numbers) and against the uncapped truth.</summary>
/// <param name="Cap">The cap applied to the truth for <paramref name="Capped"/>.</param>
/// <param name="Capped">Metrics against min(cap, true RUL).</param>
/// <param name="Uncapped">Metrics against the true RUL as given.</param>
public sealed record RulEvaluation(double Cap, RulMetrics Capped, RulMetrics Uncapped);
