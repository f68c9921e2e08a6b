using System.Globalization;

namespace Vigil.Data.Frames;

/// <summary>A column of doubles where <see cref="double.NaN"/> is a missing value.</summary>
public sealed class Float64Column : Column
{
    private readonly double[] _values;

    /// <summary>Creates a column that takes ownership of <paramref name="values"/>; callers must not mutate it afterwards.</summary>
    public Float64Column(string name, double[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Float64;

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>The raw values; NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value at <paramref name="row"/>; NaN when missing.</summary>
    public double this[int row] => _values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    /// <inheritdoc/>
    public override object? GetValue(int row) => double.IsNaN(_values[row]) ? null : _values[row];

    /// <inheritdoc/>
    public override string Format(int row) =>
        double.IsNaN(_values[row]) ? string.Empty : _values[row].ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = _values[rows[i]];
        }

        return new Float64Column(Name, result);
    }

    /// <inheritdoc/>
    public override Column Rename(string name) => new Float64Column(name, _values);

    /// <summary>A copy of the values as a new array.</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
