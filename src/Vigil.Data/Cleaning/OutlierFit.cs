namespace Vigil.Data.Cleaning;

/// <summary>The outlier bounds fitted for one column from the training frame's observed values.</summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="Method">The rule.</param>
/// <param name="Threshold">|z| for z-score, k for IQR.</param>
/// <param name="Center">The mean (z-score) or first quartile (IQR).</param>
/// <param name="Spread">The sample standard deviation (z-score) or third quartile (IQR).</param>
/// <param name="Lower">Values strictly below this are outliers: mean − t·std, or Q1 − k·(Q3 − Q1).</param>
/// <param name="Upper">Values strictly above this are outliers: mean + t·std, or Q3 + k·(Q3 − Q1).</param>
public sealed record OutlierFit(string Column, OutlierMethod Method, double Threshold, double Center, double Spread, double Lower, double Upper);
