using System.Collections;
using System.Runtime.CompilerServices;

namespace Vigil.ML.Tuning;

/// <summary>
/// An immutable, validated list of uniquely named parameters; build it with a collection expression
/// (<c>SearchSpace space = [new IntParameter("max_depth", 2, 12), …]</c>) or the constructor.
/// </summary>
[CollectionBuilder(typeof(SearchSpace), nameof(Create))]
public sealed class SearchSpace : IReadOnlyList<SearchParameter>
{
    private readonly SearchParameter[] _parameters;
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a space; throws one <see cref="ArgumentException"/> listing every invalid parameter and duplicate name.</summary>
    public SearchSpace(IEnumerable<SearchParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        var errors = new List<string>();
        if (_parameters.Length == 0)
        {
            errors.Add("A search space needs at least one parameter.");
        }

        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i] is not { } parameter)
            {
                errors.Add($"Parameter {i} is null.");
                continue;
            }

            parameter.Validate(errors);
            if (parameter.Name is not null && !_indexByName.TryAdd(parameter.Name, i))
            {
                errors.Add($"The name '{parameter.Name}' is used more than once.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid search space: " + string.Join(" ", errors), nameof(parameters));
        }
    }

    /// <summary>Creates a space from a collection expression; see the constructor.</summary>
    public static SearchSpace Create(ReadOnlySpan<SearchParameter> parameters) => new(parameters.ToArray());

    /// <summary>The number of parameters.</summary>
    public int Count => _parameters.Length;

    /// <summary>The parameter at <paramref name="index"/>, in declared order.</summary>
    public SearchParameter this[int index] => _parameters[index];

    /// <summary>The parameter named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public SearchParameter this[string name] =>
        _indexByName.TryGetValue(name, out var i) ? _parameters[i] : throw new KeyNotFoundException($"The space has no parameter '{name}'.");

    /// <summary>The position of the parameter named <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Every parameter, one per line, e.g. <c>max_depth: int [2, 12]</c>.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _parameters.Select(p => p.ToString()));

    /// <inheritdoc/>
    public IEnumerator<SearchParameter> GetEnumerator() => ((IEnumerable<SearchParameter>)_parameters).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Wraps values in declared order (owned by the caller from now on) as a parameter set.</summary>
    internal ParameterSet CreateSet(object[] values) => new([.. _parameters.Select(p => p.Name)], values);
}
