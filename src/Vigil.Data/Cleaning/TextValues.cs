using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>Categorical and boolean columns seen as text ("true"/"false" for booleans; null is missing), so that mode, constant and forward fill share one code path.</summary>
internal static class TextValues
{
    /// <summary>The values of <paramref name="column"/> as text.</summary>
    public static string?[] Read(Column column)
    {
        var values = new string?[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column.IsMissing(i) ? null : column.Format(i);
        }

        return values;
    }

    /// <summary>A column of the same name and kind as <paramref name="template"/> holding <paramref name="values"/>; a categorical column keeps its dictionary and appends new values.</summary>
    public static Column Write(Column template, string?[] values)
    {
        switch (template)
        {
            case CategoricalColumn categorical:
                var categories = new List<string>(categorical.Categories);
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var c = 0; c < categories.Count; c++)
                {
                    index.TryAdd(categories[c], c);
                }

                var codes = new int[values.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    if (values[i] is not { } v)
                    {
                        codes[i] = -1;
                    }
                    else if (!index.TryGetValue(v, out codes[i]))
                    {
                        codes[i] = categories.Count;
                        index.Add(v, categories.Count);
                        categories.Add(v);
                    }
                }

                return new CategoricalColumn(template.Name, codes, [.. categories]);
            case BooleanColumn:
                return new BooleanColumn(template.Name, [.. values.Select(v => v is null ? (bool?)null : bool.Parse(v))]);
            default:
                throw new ArgumentException($"Column '{template.Name}' is {template.Kind}; only categorical and boolean columns are imputed as text.", nameof(template));
        }
    }
}
