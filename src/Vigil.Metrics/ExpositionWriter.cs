using System.Buffers;
using System.Globalization;

namespace Vigil.Metrics;

/// <summary>Appends text exposition lines as UTF-8 to an <see cref="IBufferWriter{T}"/>.</summary>
/// <remarks>
/// Implements the Prometheus text-based exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format):
/// one <c># HELP</c> and one <c># TYPE</c> line per family, then one <c>name{labels} value</c> line per sample,
/// each terminated by a line feed; no timestamps are written.
/// </remarks>
internal sealed class ExpositionWriter(IBufferWriter<byte> output)
{
    /// <summary>Copies raw bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    /// <summary>Writes one byte.</summary>
    public void Write(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>Writes a sample value followed by a line feed.</summary>
    public void WriteValueLine(double value)
    {
        var span = output.GetSpan(PrometheusTextFormat.MaxValueLength + 1);
        var length = PrometheusTextFormat.FormatValue(value, span);
        span[length] = (byte)'\n';
        output.Advance(length + 1);
    }

    /// <summary>Writes an integer count followed by a line feed.</summary>
    public void WriteCountLine(long value)
    {
        var span = output.GetSpan(PrometheusTextFormat.MaxValueLength + 1);
        if (!value.TryFormat(span, out var length, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A long did not fit its formatting buffer.");
        }

        span[length] = (byte)'\n';
        output.Advance(length + 1);
    }
}
