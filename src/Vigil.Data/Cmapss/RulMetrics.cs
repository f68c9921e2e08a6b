namespace Vigil.Data.Cmapss;

/// <summary>Regression metrics of RUL predictions against one version of the truth.</summary>
/// <param name="Count">The number of predictions.</param>
/// <param name="Rmse">The root mean squared error, in cycles.</param>
/// <param name="Mae">The mean absolute error, in cycles.</param>
/// <param name="R2">The coefficient of determination, 1 − SSE / SST (NaN when the truth is constant).</param>
/// <param name="Phm08Score">The PHM08 score Σ (e^(−d/13) − 1 if d &lt; 0 else e^(d/10) − 1), d = prediction − truth; lower is better.</param>
public sealed record RulMetrics(int Count, double Rmse, double Mae, double R2, double Phm08Score);
