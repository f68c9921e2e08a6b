using System.Globalization;

namespace Vigil.Pipelines.Training;

/// <summary>User-supplied learner parameters (<c>--param key=value</c>), read with typed getters that record which keys were used.</summary>
public sealed class LearnerParameters
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];

    /// <summary>Wraps a key/value map; keys are case-sensitive snake_case names.</summary>
    public LearnerParameters(IReadOnlyDictionary<string, string>? values = null) =>
        _values = values is null ? new(StringComparer.Ordinal) : new(values, StringComparer.Ordinal);

    /// <summary>Parses <c>key=value</c> pairs; throws <see cref="FormatException"/> naming a malformed or repeated pair.</summary>
    public static LearnerParameters Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"--param '{pair}': expected key=value.");
            }

            var key = pair[..eq].Trim();
            if (!values.TryAdd(key, pair[(eq + 1)..].Trim()))
            {
                throw new FormatException($"--param '{key}' is given twice.");
            }
        }

        return new LearnerParameters(values);
    }

    /// <summary>Every key/value supplied.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>An integer parameter, or <paramref name="fallback"/> when absent.</summary>
    public int Int(string key, int fallback) => Get(key, fallback, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture), "an integer");

    /// <summary>An optional integer parameter ("none" or absent gives <paramref name="fallback"/>).</summary>
    public int? NullableInt(string key, int? fallback) =>
        Get(key, fallback, s => s is "none" or "null" ? null : int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture), "an integer or 'none'");

    /// <summary>A real parameter, or <paramref name="fallback"/> when absent.</summary>
    public double Double(string key, double fallback) => Get(key, fallback, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture), "a number");

    /// <summary>A boolean parameter (true/false), or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string key, bool fallback) => Get(key, fallback, s => bool.Parse(s), "true or false");

    /// <summary>A text parameter restricted to <paramref name="allowed"/>, or <paramref name="fallback"/> when absent.</summary>
    public string Choice(string key, string fallback, params string[] allowed) =>
        Get(key, fallback, s => allowed.Contains(s, StringComparer.Ordinal) ? s : throw new FormatException(), $"one of {string.Join(", ", allowed)}");

    /// <summary>Throws naming every supplied key that no getter read, with the keys the learner knows.</summary>
    public void ThrowIfUnused(string model)
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException(
                $"Unknown parameter{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(k => $"'{k}'"))} for model '{model}'; known: {string.Join(", ", _known.Distinct().Order(StringComparer.Ordinal))}.");
        }
    }

    private T Get<T>(string key, T fallback, Func<string, T> parse, string expected)
    {
        _known.Add(key);
        if (!_values.TryGetValue(key, out var text))
        {
            return fallback;
        }

        _used.Add(key);
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"--param {key}={text}: expected {expected}.", e);
        }
    }
}
