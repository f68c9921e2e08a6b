namespace Vigil.Data.Cleaning;

/// <summary>The imputation fitted for one column: its method and the statistic computed on the training frame.</summary>
/// <param name="Column">The column (cleaned name).</param>
/// <param name="Method">The method.</param>
/// <param name="NumericValue">The fill value of mean, median, mode or constant on a numeric column; null for series methods or when the training column had no observed value.</param>
/// <param name="TextValue">The fill value of mode or constant on a categorical or boolean column.</param>
public sealed record ImputationFit(string Column, ImputationMethod Method, double? NumericValue = null, string? TextValue = null);
