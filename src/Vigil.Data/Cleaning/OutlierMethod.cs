namespace Vigil.Data.Cleaning;

/// <summary>How <see cref="DataCleaner"/> decides that a numeric value is an outlier.</summary>
public enum OutlierMethod
{
    /// <summary>No outlier rule.</summary>
    None,

    /// <summary>|x − mean| / std above the threshold, with the training mean and sample standard deviation.</summary>
    ZScore,

    /// <summary>Outside [Q1 − k·IQR, Q3 + k·IQR] with the training quartiles (Tukey's fences).</summary>
    Iqr,
}
