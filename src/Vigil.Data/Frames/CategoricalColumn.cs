namespace Vigil.Data.Frames;

/// <summary>A dictionary-encoded text column: each row holds a code into <see cref="Categories"/>, or -1 when missing.</summary>
public sealed class CategoricalColumn : Column
{
    private readonly int[] _codes;
    private readonly string[] _categories;

    /// <summary>Creates a column that takes ownership of <paramref name="codes"/> and <paramref name="categories"/>.</summary>
    public CategoricalColumn(string name, int[] codes, string[] categories)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        foreach (var c in codes)
        {
            if (c < -1 || c >= categories.Length)
            {
                throw new ArgumentException($"Column '{name}': code {c} is outside the dictionary of {categories.Length} categories.", nameof(codes));
            }
        }

        _codes = codes;
        _categories = categories;
    }

    /// <summary>Builds a categorical column from text values, assigning codes in order of first appearance; null is missing.</summary>
    public static CategoricalColumn FromValues(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var codes = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v is null)
            {
                codes[i] = -1;
                continue;
            }

            if (!dictionary.TryGetValue(v, out var code))
            {
                code = categories.Count;
                dictionary.Add(v, code);
                categories.Add(v);
            }

            codes[i] = code;
        }

        return new CategoricalColumn(name, codes, [.. categories]);
    }

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Categorical;

    /// <inheritdoc/>
    public override int Length => _codes.Length;

    /// <summary>The per-row codes; -1 where missing.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The dictionary of distinct values, indexed by code.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The text at <paramref name="row"/>, or null when missing.</summary>
    public string? this[int row] => _codes[row] < 0 ? null : _categories[_codes[row]];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _codes[row] < 0;

    /// <inheritdoc/>
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc/>
    public override string Format(int row) => this[row] ?? string.Empty;

    /// <inheritdoc/>
    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = _codes[rows[i]];
        }

        return new CategoricalColumn(Name, result, _categories);
    }

    /// <inheritdoc/>
    public override Column Rename(string name) => new CategoricalColumn(name, _codes, _categories);
}
