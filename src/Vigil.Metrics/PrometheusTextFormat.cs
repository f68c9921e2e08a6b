using System.Globalization;
using System.Text;

namespace Vigil.Metrics;

/// <summary>Constants and helpers of the Prometheus text exposition format, version 0.0.4.</summary>
/// <remarks>
/// Format reference: "Exposition formats", text-based format version 0.0.4,
/// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format.
/// HELP text escapes <c>\</c> and line feed; label values additionally escape <c>"</c>;
/// sample values are Go-parsable floats with <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c> spelled out.
/// </remarks>
public static class PrometheusTextFormat
{
    /// <summary>The HTTP Content-Type of a text exposition: <c>text/plain; version=0.0.4; charset=utf-8</c>.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The most bytes <see cref="FormatValue(double, Span{byte})"/> writes.</summary>
    internal const int MaxValueLength = 32;

    /// <summary>Formats a sample value: invariant shortest round-trip digits with a lower-case exponent, or <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatValue(double value)
    {
        Span<byte> buffer = stackalloc byte[MaxValueLength];
        var length = FormatValue(value, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }

    /// <summary>Escapes HELP text: <c>\</c> becomes <c>\\</c> and a line feed becomes <c>\n</c>.</summary>
    public static string EscapeHelp(string help)
    {
        ArgumentNullException.ThrowIfNull(help);
        return Escape(help, escapeQuote: false);
    }

    /// <summary>Escapes a label value: <c>\</c>, <c>"</c> and line feed become <c>\\</c>, <c>\"</c> and <c>\n</c>.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Escape(value, escapeQuote: true);
    }

    /// <summary>Writes the ASCII form of <paramref name="value"/> into <paramref name="destination"/> (at least <see cref="MaxValueLength"/> bytes) and returns its length.</summary>
    internal static int FormatValue(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            "NaN"u8.CopyTo(destination);
            return 3;
        }

        if (double.IsInfinity(value))
        {
            (value > 0 ? "+Inf"u8 : "-Inf"u8).CopyTo(destination);
            return 4;
        }

        if (!value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit its formatting buffer.");
        }

        for (var i = 0; i < written; i++)
        {
            if (destination[i] == (byte)'E')
            {
                destination[i] = (byte)'e';
                break;
            }
        }

        return written;
    }

    /// <summary>The label block body <c>a="x",b="y"</c> (no braces) as UTF-8, or empty without labels.</summary>
    internal static byte[] LabelPairs(IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(names[i]).Append("=\"").Append(Escape(values[i], escapeQuote: true)).Append('"');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The sample prefix <c>name{labels} </c> (or <c>name </c> without labels) as UTF-8.</summary>
    internal static byte[] SamplePrefix(string sampleName, ReadOnlySpan<byte> labelPairs)
    {
        var nameLength = Encoding.UTF8.GetByteCount(sampleName);
        var length = nameLength + 1 + (labelPairs.IsEmpty ? 0 : labelPairs.Length + 2);
        var prefix = new byte[length];
        var span = prefix.AsSpan();
        Encoding.UTF8.GetBytes(sampleName, span);
        var at = nameLength;
        if (!labelPairs.IsEmpty)
        {
            span[at++] = (byte)'{';
            labelPairs.CopyTo(span[at..]);
            at += labelPairs.Length;
            span[at++] = (byte)'}';
        }

        span[at] = (byte)' ';
        return prefix;
    }

    /// <summary>The two header lines <c># HELP name text</c> and <c># TYPE name type</c> as UTF-8.</summary>
    internal static byte[] Header(string name, string help, MetricType type) =>
        Encoding.UTF8.GetBytes($"# HELP {name} {EscapeHelp(help)}\n# TYPE {name} {MetricNames.TypeKeyword(type)}\n");

    private static string Escape(string text, bool escapeQuote)
    {
        var needs = false;
        foreach (var c in text)
        {
            if (c is '\\' or '\n' || (escapeQuote && c == '"'))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '"' when escapeQuote:
                    escaped.Append("\\\"");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
