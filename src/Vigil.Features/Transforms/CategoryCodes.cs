using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Reads categorical, text and boolean columns as category indices against a category list learned at fit time.</summary>
internal static class CategoryCodes
{
    /// <summary>Index of a missing value.</summary>
    public const int Missing = -1;

    /// <summary>Index of a value not seen at fit time.</summary>
    public const int Unknown = -2;

    /// <summary>The column kinds that hold categories.</summary>
    public static ReadOnlySpan<ColumnKind> Kinds => [ColumnKind.Categorical, ColumnKind.String, ColumnKind.Boolean];

    /// <summary>The distinct non-missing values of a column, sorted ordinally.</summary>
    public static string[] Learn(Column column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < column.Length; i++)
        {
            if (!column.IsMissing(i))
            {
                seen.Add(column.Format(i));
            }
        }

        return [.. seen.Order(StringComparer.Ordinal)];
    }

    /// <summary>Per row: the index of the value in <paramref name="categories"/>, <see cref="Missing"/> or <see cref="Unknown"/>.</summary>
    public static int[] Map(Column column, IReadOnlyList<string> categories)
    {
        var index = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            index[categories[i]] = i;
        }

        var result = new int[column.Length];
        if (column is CategoricalColumn categorical)
        {
            var byCode = categorical.Categories.Select(c => index.TryGetValue(c, out var k) ? k : Unknown).ToArray();
            var codes = categorical.Codes;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = codes[i] < 0 ? Missing : byCode[codes[i]];
            }

            return result;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = column.IsMissing(i) ? Missing : index.TryGetValue(column.Format(i), out var k) ? k : Unknown;
        }

        return result;
    }

    /// <summary>The error for an unseen category, naming the step, column, value and row.</summary>
    public static ArgumentException UnknownError(string step, Column column, int row, IReadOnlyList<string> categories) =>
        new($"{step}: column '{column.Name}' has value '{column.Format(row)}' at row {row}, which was not seen in training; known: {string.Join(", ", categories.Take(20))}{(categories.Count > 20 ? ", ..." : string.Empty)}.", "frame");
}
