namespace Vigil.Pipelines.Training;

/// <summary>Gathers per-row values by row index.</summary>
internal static class Rows
{
    public static T[] Pick<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
