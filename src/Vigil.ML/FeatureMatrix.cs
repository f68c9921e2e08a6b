namespace Vigil.ML;

/// <summary>An immutable dense row-major matrix of feature values; <see cref="double.NaN"/> marks a missing value.</summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    /// <summary>Creates a matrix that takes ownership of <paramref name="values"/> laid out row after row.</summary>
    public FeatureMatrix(int rowCount, int columnCount, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentNullException.ThrowIfNull(values);
        if ((long)rowCount * columnCount != values.Length)
        {
            throw new ArgumentException($"A {rowCount}×{columnCount} matrix needs {(long)rowCount * columnCount} values, not {values.Length}.", nameof(values));
        }

        RowCount = rowCount;
        ColumnCount = columnCount;
        _values = values;
    }

    /// <summary>Builds a matrix by copying equal-length rows.</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        var values = new double[rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; row 0 has {columns}.", nameof(rows));
            }

            rows[i].CopyTo(values, i * columns);
        }

        return new FeatureMatrix(rows.Count, columns, values);
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns (features).</summary>
    public int ColumnCount { get; }

    /// <summary>All values, row after row.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)column >= (uint)ColumnCount)
            {
                throw new ArgumentOutOfRangeException(nameof(column));
            }

            return _values[(row * ColumnCount) + column];
        }
    }

    /// <summary>The values of row <paramref name="row"/>, without copying.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        if ((uint)row >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The matrix has {RowCount} rows.");
        }

        return new ReadOnlySpan<double>(_values, row * ColumnCount, ColumnCount);
    }

    /// <summary>A new matrix holding copies of the given rows, in the given order (indices may repeat).</summary>
    public FeatureMatrix Take(ReadOnlySpan<int> rows)
    {
        var values = new double[rows.Length * ColumnCount];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * ColumnCount, ColumnCount));
        }

        return new FeatureMatrix(rows.Length, ColumnCount, values);
    }

    /// <summary>A new matrix holding a copy of <paramref name="count"/> consecutive rows starting at <paramref name="start"/>.</summary>
    public FeatureMatrix Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, RowCount, nameof(count));
        return new FeatureMatrix(count, ColumnCount, _values.AsSpan(start * ColumnCount, count * ColumnCount).ToArray());
    }
}
