using System.Buffers;
using Vigil.Tracking.Runs;

namespace Vigil.Tracking;

/// <summary>
/// MLflow's field limits and name rules, checked by every backend before writing so that all stores reject the
/// same input with the same <see cref="TrackingErrorCode.InvalidParameterValue"/> message.
/// </summary>
public static class TrackingLimits
{
    /// <summary>Maximum length of a metric, param or tag key.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>Maximum length of a param value.</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>Maximum length of a tag value.</summary>
    public const int MaxTagValueLength = 8000;

    /// <summary>Maximum length of an experiment, run or registered model name.</summary>
    public const int MaxNameLength = 500;

    /// <summary>Maximum metrics in one batch.</summary>
    public const int MaxMetricsPerBatch = 1000;

    /// <summary>Maximum params in one batch.</summary>
    public const int MaxParamsPerBatch = 100;

    /// <summary>Maximum tags in one batch.</summary>
    public const int MaxTagsPerBatch = 100;

    /// <summary>Maximum metrics, params and tags together in one batch.</summary>
    public const int MaxEntitiesPerBatch = 1000;

    /// <summary>Largest page a search returns.</summary>
    public const int MaxResultsPerPage = 50_000;

    private static readonly SearchValues<char> KeyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. /:");

    /// <summary>
    /// Checks a metric, param or tag key: 1..250 characters of letters, digits, '_', '-', '.', ' ', '/' and ':',
    /// not an absolute path and without '..' segments (keys may become file names in exported artifacts).
    /// </summary>
    public static void ValidateKey(string? key, string kind)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw TrackingException.Invalid($"{kind} key must not be empty.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw TrackingException.Invalid($"{kind} key '{key[..32]}...' is {key.Length} characters long; the limit is {MaxKeyLength}.");
        }

        if (key.AsSpan().ContainsAnyExcept(KeyChars))
        {
            throw TrackingException.Invalid(
                $"Invalid {kind} key '{key}': keys may only contain letters, digits, underscores, dashes, periods, spaces, colons and slashes.");
        }

        if (key.StartsWith('/') || key.Split('/').Any(s => s == ".."))
        {
            throw TrackingException.Invalid($"Invalid {kind} key '{key}': keys must be relative paths without '..' segments.");
        }
    }

    /// <summary>Checks a text value's length; null is rejected.</summary>
    public static void ValidateValue(string? value, int maxLength, string what)
    {
        if (value is null)
        {
            throw TrackingException.Invalid($"{what} must not be null.");
        }

        if (value.Length > maxLength)
        {
            throw TrackingException.Invalid($"{what} is {value.Length} characters long; the limit is {maxLength}.");
        }
    }

    /// <summary>Checks an entity name: 1..500 characters, not only whitespace.</summary>
    public static void ValidateName(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw TrackingException.Invalid($"{what} must not be empty.");
        }

        if (name.Length > MaxNameLength)
        {
            throw TrackingException.Invalid($"{what} '{name[..32]}...' is {name.Length} characters long; the limit is {MaxNameLength}.");
        }
    }

    /// <summary>Checks a page size.</summary>
    public static void ValidateMaxResults(int maxResults)
    {
        if (maxResults is < 1 or > MaxResultsPerPage)
        {
            throw TrackingException.Invalid($"max_results must be between 1 and {MaxResultsPerPage}; got {maxResults}.");
        }
    }

    /// <summary>Checks a run id: 32 lowercase hex characters (the store's id format); otherwise the run cannot exist.</summary>
    public static bool IsRunId(string? runId) =>
        runId is { Length: 32 } && runId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>
    /// Checks a whole batch before any write: counts, keys, values, and no key logged twice with different values
    /// among the params. Throws naming the first bad element.
    /// </summary>
    public static void ValidateBatch(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tags);
        if (metrics.Count > MaxMetricsPerBatch || parameters.Count > MaxParamsPerBatch || tags.Count > MaxTagsPerBatch
            || metrics.Count + parameters.Count + tags.Count > MaxEntitiesPerBatch)
        {
            throw TrackingException.Invalid(
                $"A batch may hold at most {MaxMetricsPerBatch} metrics, {MaxParamsPerBatch} params, {MaxTagsPerBatch} tags and " +
                $"{MaxEntitiesPerBatch} entities in total; got {metrics.Count} metrics, {parameters.Count} params and {tags.Count} tags.");
        }

        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i] ?? throw TrackingException.Invalid($"Metric at index {i} is null.");
            ValidateKey(metric.Key, "Metric");
        }

        Dictionary<string, string> seen = new(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var param = parameters[i] ?? throw TrackingException.Invalid($"Param at index {i} is null.");
            ValidateKey(param.Key, "Param");
            ValidateValue(param.Value, MaxParamValueLength, $"Param '{param.Key}' value");
            if (seen.TryGetValue(param.Key, out var earlier) && earlier != param.Value)
            {
                throw TrackingException.Invalid(
                    $"Duplicate param key '{param.Key}' in one batch with different values '{earlier}' and '{param.Value}'.");
            }

            seen[param.Key] = param.Value;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i] ?? throw TrackingException.Invalid($"Tag at index {i} is null.");
            ValidateKey(tag.Key, "Tag");
            ValidateValue(tag.Value, MaxTagValueLength, $"Tag '{tag.Key}' value");
        }
    }
}
