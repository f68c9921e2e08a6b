using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Vigil.ML.Tuning;

/// <summary>
/// Immutable named values of one trial, in the space's order: ints for <see cref="IntParameter"/>, doubles for
/// <see cref="FloatParameter"/> and strings for <see cref="CategoricalParameter"/>, read with typed getters.
/// </summary>
[JsonConverter(typeof(ParameterSetJsonConverter))]
public sealed class ParameterSet : IReadOnlyDictionary<string, object>, IEquatable<ParameterSet>
{
    private readonly string[] _names;
    private readonly object[] _values;

    /// <summary>Creates a set from (name, value) pairs; values must be int, double, string or bool (held as "true"/"false").</summary>
    public ParameterSet(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = values.ToArray();
        _names = [.. pairs.Select(p => p.Key)];
        _values = [.. pairs.Select(p => p.Value switch
        {
            int or double or string => p.Value,
            bool b => b ? "true" : "false",
            _ => throw new ArgumentException($"Parameter '{p.Key}' has a {p.Value?.GetType().Name ?? "null"} value; use int, double, string or bool.", nameof(values)),
        })];
        if (_names.Distinct(StringComparer.Ordinal).Count() != _names.Length)
        {
            throw new ArgumentException("Parameter names must be unique.", nameof(values));
        }
    }

    internal ParameterSet(string[] names, object[] values) => (_names, _values) = (names, values);

    /// <summary>The number of parameters.</summary>
    public int Count => _names.Length;

    /// <summary>The names, in the space's order.</summary>
    public IEnumerable<string> Keys => _names;

    /// <summary>The values (int, double or string), in the space's order.</summary>
    public IEnumerable<object> Values => _values;

    /// <summary>The value named <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public object this[string key] => _values[IndexOrThrow(key)];

    /// <summary>Reads an integer parameter (or a categorical of integers).</summary>
    public int GetInt(string name) => this[name] switch
    {
        int i => i,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        var v => throw Mismatch(name, v, "an int"),
    };

    /// <summary>Reads a float or integer parameter (or a categorical of numbers) as a double.</summary>
    public double GetDouble(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        var v => throw Mismatch(name, v, "a double"),
    };

    /// <summary>Reads a categorical parameter; numbers come back as their invariant text.</summary>
    public string GetString(string name) => Format(this[name]);

    /// <summary>Reads a "true"/"false" categorical (see <see cref="CategoricalParameter.Bool"/>).</summary>
    public bool GetBool(string name) => this[name] switch
    {
        string s when bool.TryParse(s, out var b) => b,
        var v => throw Mismatch(name, v, "a bool"),
    };

    /// <summary>Whether a parameter named <paramref name="key"/> exists.</summary>
    public bool ContainsKey(string key) => Array.IndexOf(_names, key) >= 0;

    /// <summary>Looks a value up by name without throwing.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        var i = Array.IndexOf(_names, key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    /// <summary>Each value as invariant text (ints plainly, doubles round-trip), e.g. for a tracking run's params.</summary>
    public IReadOnlyDictionary<string, string> ToTextDictionary() =>
        _names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => Format(_values[p.i]), StringComparer.Ordinal);

    /// <summary>The stable invariant text form, e.g. <c>max_depth=6, learning_rate=0.1, criterion=gini</c>.</summary>
    public override string ToString() => string.Join(", ", _names.Select((n, i) => $"{n}={Format(_values[i])}"));

    /// <summary>Whether both sets hold the same names and values in the same order.</summary>
    public bool Equals(ParameterSet? other) =>
        other is not null && _names.AsSpan().SequenceEqual(other._names) && _values.SequenceEqual(other._values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < _names.Length; i++)
        {
            hash.Add(_names[i]);
            hash.Add(_values[i]);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() =>
        _names.Select((n, i) => KeyValuePair.Create(n, _values[i])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal object ValueAt(int index) => _values[index];

    private int IndexOrThrow(string name)
    {
        var i = Array.IndexOf(_names, name);
        return i >= 0 ? i : throw new KeyNotFoundException($"No parameter '{name}'; the set has {string.Join(", ", _names)}.");
    }

    private static InvalidCastException Mismatch(string name, object value, string wanted) =>
        new($"Parameter '{name}' = {Format(value)} ({value.GetType().Name}) cannot be read as {wanted}.");
}
