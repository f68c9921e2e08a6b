using System.Globalization;
using System.Text;

namespace Vigil.Data.Csv;

/// <summary>Culture-invariant parsers for field bytes: numbers, booleans and ISO-8601 timestamps.</summary>
internal static class CsvValueParser
{
    /// <summary>Parses an invariant-culture floating-point number without allocating.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> utf8, out double value) =>
        double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses true/false in any letter case.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<byte> utf8, out bool value)
    {
        if (Ascii.EqualsIgnoreCase(utf8, "true"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return Ascii.EqualsIgnoreCase(utf8, "false"u8);
    }

    /// <summary>
    /// Parses an ISO-8601 date (<c>yyyy-MM-dd</c>) or date-time (<c>yyyy-MM-ddTHH:mm[:ss[.fffffff]]</c>, 'T' or a space)
    /// with an optional <c>Z</c> or <c>±HH[:mm]</c> offset into UTC ticks; values without an offset are taken as UTC.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long ticks = new DateOnly(year, month, day).DayNumber * TimeSpan.TicksPerDay;
        var i = 10;
        if (i < s.Length)
        {
            if ((s[i] != 'T' && s[i] != 't' && s[i] != ' ') || s.Length < i + 6 || s[i + 3] != ':'
                || !Digits(s, i + 1, 2, out var hour) || !Digits(s, i + 4, 2, out var minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            ticks += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out var second) || second > 59)
                {
                    return false;
                }

                ticks += second * TimeSpan.TicksPerSecond;
                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var digits = 0;
                    long fraction = 0;
                    while (i < s.Length && char.IsAsciiDigit((char)s[i]))
                    {
                        if (digits < 7)
                        {
                            fraction = (fraction * 10) + (s[i] - '0');
                        }

                        digits++;
                        i++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    for (var d = digits; d < 7; d++)
                    {
                        fraction *= 10;
                    }

                    ticks += fraction;
                }
            }

            if (!TryParseOffset(s[i..], out var offsetTicks))
            {
                return false;
            }

            ticks -= offsetTicks;
        }

        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utcTicks = ticks;
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.IsEmpty)
        {
            return true;
        }

        if (s.Length == 1)
        {
            return s[0] is (byte)'Z' or (byte)'z';
        }

        if ((s[0] != '+' && s[0] != '-') || !Digits(s, 1, 2, out var hours) || hours > 14)
        {
            return false;
        }

        var minutes = 0;
        var rest = s[3..];
        if (rest.Length == 3 && rest[0] == ':')
        {
            rest = rest[1..];
        }

        if (!rest.IsEmpty && (rest.Length != 2 || !Digits(rest, 0, 2, out minutes) || minutes > 59))
        {
            return false;
        }

        ticks = (hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute);
        ticks = s[0] == '-' ? -ticks : ticks;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = s[i] - '0';
            if ((uint)c > 9)
            {
                return false;
            }

            value = (value * 10) + c;
        }

        return true;
    }
}
