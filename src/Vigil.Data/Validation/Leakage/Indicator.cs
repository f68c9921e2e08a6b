using Vigil.Data.Internal;

namespace Vigil.Data.Validation.Leakage;

/// <summary>Recognises 0/1 indicator columns: exactly two distinct values, "0" and "1" or "false" and "true".</summary>
internal static class Indicator
{
    /// <summary>The code of the indicator's positive value ("1" or "true"), or -1 when the column is not an indicator.</summary>
    public static int PositiveCode(EncodedColumn column)
    {
        if (column.DistinctCount != 2)
        {
            return -1;
        }

        for (var code = 0; code < 2; code++)
        {
            var other = column.Labels[1 - code];
            var label = column.Labels[code];
            if ((Is(label, "1") && Is(other, "0")) || (Is(label, "true") && Is(other, "false")))
            {
                return code;
            }
        }

        return -1;
    }

    private static bool Is(string label, string expected) => string.Equals(label, expected, StringComparison.OrdinalIgnoreCase);
}
