using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>
/// Cleans a frame by the AUTO-MAINT rules, in this order: normalize column names, normalize categorical terms, drop columns
/// with too many missing values, quarantine duplicate rows and rows missing the target, impute, then treat outliers.
/// </summary>
public static class DataCleaner
{
    /// <summary>Fits the cleaning on <paramref name="frame"/> and applies it to the same frame; the result carries the fitted statistics.</summary>
    public static CleaningResult Clean(DataFrame frame, CleaningOptions options) => Fit(frame, options).Apply(frame);

    /// <summary>Computes the cleaning's statistics on the training <paramref name="frame"/>; throws <see cref="ArgumentException"/> listing every option that does not fit the frame.</summary>
    public static FittedCleaning Fit(DataFrame frame, CleaningOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        return CleaningFitter.Fit(frame, options);
    }
}
