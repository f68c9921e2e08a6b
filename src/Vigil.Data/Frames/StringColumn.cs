namespace Vigil.Data.Frames;

/// <summary>A column of free text where null is a missing value.</summary>
public sealed class StringColumn : Column
{
    private readonly string?[] _values;

    /// <summary>Creates a column that takes ownership of <paramref name="values"/>.</summary>
    public StringColumn(string name, string?[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.String;

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>The text at <paramref name="row"/>, or null when missing.</summary>
    public string? this[int row] => _values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] is null;

    /// <inheritdoc/>
    public override object? GetValue(int row) => _values[row];

    /// <inheritdoc/>
    public override string Format(int row) => _values[row] ?? string.Empty;

    /// <inheritdoc/>
    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new string?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = _values[rows[i]];
        }

        return new StringColumn(Name, result);
    }

    /// <inheritdoc/>
    public override Column Rename(string name) => new StringColumn(name, _values);
}
