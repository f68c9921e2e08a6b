namespace Vigil.Data.Frames;

/// <summary>A column of booleans with an explicit missing state per row.</summary>
public sealed class BooleanColumn : Column
{
    // 0 = false, 1 = true, 255 = missing.
    private const byte Missing = 255;
    private readonly byte[] _values;

    /// <summary>Creates a column from nullable booleans; null is missing.</summary>
    public BooleanColumn(string name, IReadOnlyList<bool?> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new byte[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            _values[i] = values[i] switch { null => Missing, true => 1, false => 0 };
        }
    }

    private BooleanColumn(string name, byte[] raw)
        : base(name) => _values = raw;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Boolean;

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>The value at <paramref name="row"/>, or null when missing.</summary>
    public bool? this[int row] => _values[row] switch { Missing => null, 1 => true, _ => false };

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] == Missing;

    /// <inheritdoc/>
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc/>
    public override string Format(int row) => this[row] switch { null => string.Empty, true => "true", false => "false" };

    /// <inheritdoc/>
    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new byte[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = _values[rows[i]];
        }

        return new BooleanColumn(Name, result);
    }

    /// <inheritdoc/>
    public override Column Rename(string name) => new BooleanColumn(name, _values);
}
