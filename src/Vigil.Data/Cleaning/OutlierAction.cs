namespace Vigil.Data.Cleaning;

/// <summary>What <see cref="DataCleaner"/> does with an outlier.</summary>
public enum OutlierAction
{
    /// <summary>Replace the value with the nearest bound.</summary>
    Clip,

    /// <summary>Keep the value and add a 0/1 column <c>&lt;column&gt;_outlier</c> that is 1 where the value is an outlier.</summary>
    Flag,

    /// <summary>Remove the row and quarantine it with the reason.</summary>
    Drop,
}
