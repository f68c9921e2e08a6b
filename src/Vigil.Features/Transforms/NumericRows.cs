using Vigil.Data.Frames;
using Vigil.ML;

namespace Vigil.Features.Transforms;

/// <summary>Reads chosen Float64 columns as rows, marking the rows where any value is missing or infinite.</summary>
internal sealed class NumericRows
{
    private NumericRows(double[][] columns, bool[] complete) => (Columns, Complete) = (columns, complete);

    /// <summary>The column values, one array per chosen column.</summary>
    public double[][] Columns { get; }

    /// <summary>Per row: whether every chosen value is finite.</summary>
    public bool[] Complete { get; }

    /// <summary>The number of complete rows.</summary>
    public int CompleteCount => Complete.Count(c => c);

    /// <summary>Reads the named Float64 columns, failing with the step's name when one is missing or of another kind.</summary>
    public static NumericRows Read(DataFrame frame, IReadOnlyList<string> names, string step)
    {
        var columns = names.Select(n => ColumnSelection.Numbers(frame, n, step)).ToArray();
        var complete = new bool[frame.RowCount];
        for (var i = 0; i < complete.Length; i++)
        {
            complete[i] = columns.All(c => double.IsFinite(c[i]));
        }

        return new NumericRows(columns, complete);
    }

    /// <summary>Row <paramref name="row"/> into <paramref name="destination"/>, each value mapped as (x − offset) / scale when given.</summary>
    public void CopyRow(int row, Span<double> destination, double[]? offsets = null, double[]? scales = null)
    {
        for (var f = 0; f < Columns.Length; f++)
        {
            var x = Columns[f][row];
            destination[f] = offsets is null || scales is null ? x : (x - offsets[f]) / scales[f];
        }
    }

    /// <summary>The complete rows as a matrix, optionally standardized.</summary>
    public FeatureMatrix CompleteMatrix(double[]? offsets = null, double[]? scales = null)
    {
        var d = Columns.Length;
        var values = new double[CompleteCount * d];
        var r = 0;
        for (var i = 0; i < Complete.Length; i++)
        {
            if (Complete[i])
            {
                CopyRow(i, values.AsSpan(r++ * d, d), offsets, scales);
            }
        }

        return new FeatureMatrix(r, d, values);
    }
}
