namespace Vigil.Data.Cleaning;

/// <summary>How many values of one column imputation filled, by which method and value.</summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="Method">The method used.</param>
/// <param name="Filled">The number of missing values filled.</param>
/// <param name="LeftMissing">The number of values still missing afterwards (edge gaps left, series without observations, or no statistic).</param>
/// <param name="NumericValue">The fill value of mean, median, mode or constant on a numeric column.</param>
/// <param name="TextValue">The fill value of mode or constant on a categorical or boolean column.</param>
public sealed record ImputationCount(string Column, ImputationMethod Method, long Filled, long LeftMissing, double? NumericValue = null, string? TextValue = null);
