namespace Vigil.ML.Ensembles;

/// <summary>An ascending subset of feature columns that one ensemble member sees (random subspaces).</summary>
internal sealed class ColumnSubset
{
    private readonly int[] _columns;

    public ColumnSubset(int[] columns, int sourceWidth)
    {
        if (columns.Length == 0)
        {
            throw new InvalidDataException("A column subset must keep at least one column.");
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if ((uint)columns[i] >= (uint)sourceWidth || (i > 0 && columns[i] <= columns[i - 1]))
            {
                throw new InvalidDataException($"Column subset entry {columns[i]} is not ascending within [0, {sourceWidth}).");
            }
        }

        _columns = columns;
    }

    public ReadOnlySpan<int> Columns => _columns;

    public int Width => _columns.Length;

    /// <summary>Draws <paramref name="count"/> distinct columns of <paramref name="sourceWidth"/> (partial Fisher–Yates), ascending.</summary>
    public static ColumnSubset Draw(int sourceWidth, int count, Random random)
    {
        var all = Enumerable.Range(0, sourceWidth).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(sourceWidth - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..count];
        Array.Sort(chosen);
        return new ColumnSubset(chosen, sourceWidth);
    }

    public void Gather(ReadOnlySpan<double> row, Span<double> destination)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            destination[i] = row[_columns[i]];
        }
    }

    public FeatureMatrix Project(FeatureMatrix features)
    {
        var values = new double[features.RowCount * Width];
        for (var r = 0; r < features.RowCount; r++)
        {
            Gather(features.Row(r), values.AsSpan(r * Width, Width));
        }

        return new FeatureMatrix(features.RowCount, Width, values);
    }

    public IReadOnlyList<string> Names(IReadOnlyList<string> names) => [.. _columns.Select(c => names[c])];
}
