using System.Globalization;

namespace Vigil.Data.Cleaning;

/// <summary>
/// The normalized name of every input column, and the resolution of the column references in <see cref="CleaningOptions"/>
/// (an original name first, else a normalized one) to cleaned names. Protected columns keep their names; a normalized
/// name already taken gets the suffix _2, _3, ...
/// </summary>
internal sealed class ColumnNames
{
    private readonly string[] _original;
    private readonly string[] _candidate;
    private readonly string[] _cleaned;
    private readonly List<string> _errors;

    private ColumnNames(IReadOnlyList<string> names, CleaningOptions options, List<string> errors)
    {
        _errors = errors;
        _original = [.. names];
        _candidate = new string[_original.Length];
        for (var i = 0; i < _original.Length; i++)
        {
            _candidate[i] = Normalize(_original[i], i, options);
        }

        var roles = new[] { (options.Target, "target"), (options.GroupColumn, "groupColumn"), (options.TimeColumn, "timeColumn") }
            .Concat(options.ProtectedColumns.Select(p => ((string?)p, "protected column")));
        var protectedIndices = new HashSet<int>();
        var structural = new int[3];
        var k = 0;
        foreach (var (reference, role) in roles)
        {
            var i = reference is null ? -1 : IndexOf(reference, role);
            if (k < 3)
            {
                structural[k++] = i;
            }

            if (i >= 0)
            {
                protectedIndices.Add(i);
            }
        }

        _cleaned = new string[_original.Length];
        var taken = new HashSet<string>(protectedIndices.Select(i => _original[i]), StringComparer.Ordinal);
        for (var i = 0; i < _original.Length; i++)
        {
            if (protectedIndices.Contains(i))
            {
                _cleaned[i] = _original[i];
                continue;
            }

            var name = _candidate[i];
            for (var suffix = 2; !taken.Add(name); suffix++)
            {
                name = _candidate[i] + "_" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            _cleaned[i] = name;
        }

        Protected = new HashSet<string>(protectedIndices.Select(i => _cleaned[i]), StringComparer.Ordinal);
        (Target, Group, Time) = (Cleaned(structural[0]), Cleaned(structural[1]), Cleaned(structural[2]));
    }

    /// <summary>The target column's name, if any.</summary>
    public string? Target { get; }

    /// <summary>The group column's name, if any.</summary>
    public string? Group { get; }

    /// <summary>The time column's name, if any.</summary>
    public string? Time { get; }

    /// <summary>The cleaned names of the protected columns (target, group, time and the listed ones).</summary>
    public IReadOnlySet<string> Protected { get; }

    /// <summary>Original name → cleaned name, for the columns whose name changes.</summary>
    public IReadOnlyDictionary<string, string> Renames =>
        Enumerable.Range(0, _original.Length)
            .Where(i => !string.Equals(_original[i], _cleaned[i], StringComparison.Ordinal))
            .ToDictionary(i => _original[i], i => _cleaned[i], StringComparer.Ordinal);

    /// <summary>Computes the names; unresolvable references are added to <paramref name="errors"/>.</summary>
    public static ColumnNames Build(IReadOnlyList<string> names, CleaningOptions options, List<string> errors) => new(names, options, errors);

    /// <summary>The cleaned name of the column <paramref name="reference"/> names, or null (with an error) when none does.</summary>
    public string? Resolve(string? reference, string role)
    {
        if (reference is null)
        {
            return null;
        }

        var i = IndexOf(reference, role);
        return i < 0 ? null : _cleaned[i];
    }

    private string? Cleaned(int index) => index < 0 ? null : _cleaned[index];

    private static string Normalize(string name, int index, CleaningOptions options)
    {
        var result = options.NormalizeNames || options.SnakeCaseNames ? TextNormalization.CollapseWhitespace(name) : name;
        if (options.SnakeCaseNames)
        {
            result = TextNormalization.SnakeCase(result);
        }

        return result.Length == 0 ? "column_" + (index + 1).ToString(CultureInfo.InvariantCulture) : result;
    }

    private int IndexOf(string reference, string role)
    {
        var i = Array.IndexOf(_original, reference);
        if (i < 0)
        {
            i = Array.IndexOf(_candidate, reference);
        }

        if (i < 0)
        {
            _errors.Add($"{role} '{reference}' is not a column of the frame.");
        }

        return i;
    }
}
