using System.Globalization;

namespace Vigil.Data.Internal;

/// <summary>Invariant, compact number formatting for text reports.</summary>
internal static class NumberText
{
    /// <summary>A value with up to 6 significant digits, or "-" when absent.</summary>
    public static string Format(double? value) =>
        value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";

    /// <summary>A fraction rendered as a percentage with <paramref name="decimals"/> decimals.</summary>
    public static string Percent(double fraction, int decimals = 2) =>
        (fraction * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>The value itself when finite, otherwise null (JSON cannot carry NaN or infinities).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
