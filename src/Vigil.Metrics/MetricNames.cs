using System.Globalization;

namespace Vigil.Metrics;

/// <summary>Validates metric names, label names and help texts against the Prometheus data model.</summary>
/// <remarks>See https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels.</remarks>
internal static class MetricNames
{
    /// <summary>Throws <see cref="ArgumentException"/> (naming the metric) when a family definition is invalid.</summary>
    public static void Validate(MetricType type, string name, string help, IReadOnlyList<string> labelNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(labelNames);
        if (!IsValidMetricName(name))
        {
            throw new ArgumentException($"Metric name '{name}' is invalid: it must match [a-zA-Z_:][a-zA-Z0-9_:]*.", nameof(name));
        }

        if (type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Counter '{name}' must have a name ending with '_total'.", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(help))
        {
            throw new ArgumentException($"Metric '{name}' needs a non-empty help text.", nameof(help));
        }

        for (var i = 0; i < labelNames.Count; i++)
        {
            var label = labelNames[i];
            if (label is null || !IsValidLabelName(label))
            {
                throw new ArgumentException(
                    $"Metric '{name}' has an invalid label name '{label}': it must match [a-zA-Z_][a-zA-Z0-9_]*.", nameof(labelNames));
            }

            if (label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Metric '{name}' uses label name '{label}': names starting with '__' are reserved.", nameof(labelNames));
            }

            if (type == MetricType.Histogram && label == "le")
            {
                throw new ArgumentException($"Histogram '{name}' cannot declare label 'le': it is reserved for bucket bounds.", nameof(labelNames));
            }

            for (var j = 0; j < i; j++)
            {
                if (labelNames[j] == label)
                {
                    throw new ArgumentException($"Metric '{name}' declares label '{label}' twice.", nameof(labelNames));
                }
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> matches <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    public static bool IsValidMetricName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> matches <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static bool IsValidLabelName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The exposition keyword of a type (<c>counter</c>, <c>gauge</c>, <c>histogram</c>).</summary>
    public static string TypeKeyword(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The names of the samples a family writes (a histogram writes <c>_bucket</c>, <c>_sum</c> and <c>_count</c>).</summary>
    public static string[] SampleNames(MetricType type, string name) =>
        type == MetricType.Histogram ? [name + "_bucket", name + "_sum", name + "_count"] : [name];

    /// <summary>Describes label names for error messages.</summary>
    public static string Describe(IReadOnlyList<string> labelNames) =>
        "[" + string.Join(", ", labelNames) + "]";

    /// <summary>Describes bucket bounds for error messages.</summary>
    public static string Describe(IReadOnlyList<double> bounds) =>
        "[" + string.Join(", ", bounds.Select(b => b.ToString(CultureInfo.InvariantCulture))) + "]";
}
