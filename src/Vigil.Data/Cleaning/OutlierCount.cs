namespace Vigil.Data.Cleaning;

/// <summary>How many values of one column were outliers, the bounds that decided it and what was done.</summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="Method">The outlier rule.</param>
/// <param name="Action">What was done with each outlier.</param>
/// <param name="Threshold">The rule's threshold: |z| for z-score, k for IQR.</param>
/// <param name="Lower">Values strictly below this were outliers.</param>
/// <param name="Upper">Values strictly above this were outliers.</param>
/// <param name="Count">The number of outlying values.</param>
public sealed record OutlierCount(string Column, OutlierMethod Method, OutlierAction Action, double Threshold, double Lower, double Upper, long Count);
