using Vigil.Data.Frames;

namespace Vigil.Serving.Scoring;

/// <summary>Stacks frames of the same columns (names and kinds, in order) row-wise; categorical dictionaries are merged by text.</summary>
internal static class FrameConcat
{
    public static DataFrame Rows(IReadOnlyList<DataFrame> frames)
    {
        if (frames.Count == 1)
        {
            return frames[0];
        }

        var first = frames[0];
        var total = 0;
        foreach (var f in frames)
        {
            if (f.ColumnCount != first.ColumnCount)
            {
                throw new ArgumentException("Frames to stack must have the same columns.", nameof(frames));
            }

            total += f.RowCount;
        }

        var columns = new Column[first.ColumnCount];
        for (var c = 0; c < columns.Length; c++)
        {
            var name = first[c].Name;
            columns[c] = first[c] switch
            {
                Float64Column => new Float64Column(name, Stack(frames, c, total, (Float64Column col, int i) => col[i])),
                BooleanColumn => new BooleanColumn(name, Stack(frames, c, total, (BooleanColumn col, int i) => col[i])),
                TimestampColumn => new TimestampColumn(name, Stack(frames, c, total, (TimestampColumn col, int i) => col.Ticks[i])),
                StringColumn => new StringColumn(name, Stack(frames, c, total, (StringColumn col, int i) => col[i])),
                CategoricalColumn => Categorical(frames, c, total),
                _ => throw new ArgumentException($"Column '{name}' has an unsupported kind.", nameof(frames)),
            };
        }

        return new DataFrame(columns);
    }

    private static T[] Stack<TColumn, T>(IReadOnlyList<DataFrame> frames, int c, int total, Func<TColumn, int, T> get)
        where TColumn : Column
    {
        var result = new T[total];
        var at = 0;
        foreach (var f in frames)
        {
            var column = f[c] as TColumn ?? throw new ArgumentException($"Column '{f[c].Name}' differs in kind between frames.", nameof(frames));
            for (var i = 0; i < column.Length; i++)
            {
                result[at++] = get(column, i);
            }
        }

        return result;
    }

    private static CategoricalColumn Categorical(IReadOnlyList<DataFrame> frames, int c, int total)
    {
        var baseColumn = (CategoricalColumn)frames[0][c];
        var categories = new List<string>(baseColumn.Categories);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < categories.Count; k++)
        {
            index.TryAdd(categories[k], k);
        }

        var codes = new int[total];
        var at = 0;
        foreach (var f in frames)
        {
            var column = f[c] as CategoricalColumn ?? throw new ArgumentException($"Column '{f[c].Name}' differs in kind between frames.", nameof(frames));
            var map = new int[column.Categories.Count];
            for (var k = 0; k < map.Length; k++)
            {
                if (!index.TryGetValue(column.Categories[k], out var code))
                {
                    code = categories.Count;
                    categories.Add(column.Categories[k]);
                    index.Add(column.Categories[k], code);
                }

                map[k] = code;
            }

            foreach (var code in column.Codes)
            {
                codes[at++] = code < 0 ? -1 : map[code];
            }
        }

        return new CategoricalColumn(baseColumn.Name, codes, [.. categories]);
    }
}
