using Vigil.Data.Frames;

namespace Vigil.ML.Encoding;

/// <summary>
/// A fitted, immutable tabular encoding from a <see cref="DataFrame"/> to a <see cref="FeatureMatrix"/>.
/// Its <see cref="InputSchema"/> fully determines it (categorical columns list their categories in
/// <see cref="ColumnSchema.AllowedValues"/>), which is what model files store. At transform time a
/// category not seen in training encodes as all zeros, and a missing category as NaN in every indicator.
/// </summary>
public sealed class TabularEncoding
{
    private readonly string[] _featureNames;
    private readonly int[] _offsets;

    /// <summary>Rebuilds an encoding from its input schema (Float64, Boolean and Categorical columns only).</summary>
    public TabularEncoding(FrameSchema inputSchema, IReadOnlyList<ExcludedColumn>? excludedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var names = new List<string>();
        _offsets = new int[inputSchema.Columns.Count];
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputSchema.Columns.Count; i++)
        {
            var c = inputSchema.Columns[i];
            if (!distinct.Add(c.Name))
            {
                throw new ArgumentException($"Column '{c.Name}' appears more than once in the input schema.", nameof(inputSchema));
            }

            _offsets[i] = names.Count;
            switch (c.Kind)
            {
                case ColumnKind.Float64 or ColumnKind.Boolean:
                    names.Add(c.Name);
                    break;
                case ColumnKind.Categorical when c.AllowedValues is { Count: > 0 } categories:
                    names.AddRange(categories.Select(v => $"{c.Name}={v}"));
                    break;
                default:
                    throw new ArgumentException($"Column '{c.Name}' of kind {c.Kind} cannot be encoded (categorical columns need their categories).", nameof(inputSchema));
            }
        }

        InputSchema = inputSchema;
        ExcludedColumns = [.. excludedColumns ?? []];
        _featureNames = [.. names];
    }

    /// <summary>The raw columns (names, kinds, categories) a frame must provide.</summary>
    public FrameSchema InputSchema { get; }

    /// <summary>The training columns left out, with reasons.</summary>
    public IReadOnlyList<ExcludedColumn> ExcludedColumns { get; }

    /// <summary>The output feature names, in matrix column order.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>The number of output features.</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>Encodes <paramref name="frame"/>; extra columns are ignored, and a missing or wrong-kind input column throws naming every such column.</summary>
    public FeatureMatrix Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckColumns(frame);
        var rows = frame.RowCount;
        var width = FeatureCount;
        var values = new double[rows * width];
        for (var i = 0; i < InputSchema.Columns.Count; i++)
        {
            var schema = InputSchema.Columns[i];
            var offset = _offsets[i];
            switch (frame[schema.Name])
            {
                case Float64Column f:
                    var source = f.Values;
                    for (var r = 0; r < rows; r++)
                    {
                        values[(r * width) + offset] = source[r];
                    }

                    break;
                case BooleanColumn b:
                    for (var r = 0; r < rows; r++)
                    {
                        values[(r * width) + offset] = b[r] switch { null => double.NaN, true => 1, false => 0 };
                    }

                    break;
                case CategoricalColumn c:
                    WriteOneHot(c, schema.AllowedValues!, values, width, offset);
                    break;
            }
        }

        return new FeatureMatrix(rows, width, values);
    }

    private static void WriteOneHot(CategoricalColumn column, IReadOnlyList<string> categories, double[] values, int width, int offset)
    {
        var index = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
        for (var k = 0; k < categories.Count; k++)
        {
            index[categories[k]] = k;
        }

        var map = column.Categories.Select(v => index.TryGetValue(v, out var k) ? k : -1).ToArray();
        var codes = column.Codes;
        for (var r = 0; r < codes.Length; r++)
        {
            var cells = values.AsSpan((r * width) + offset, categories.Count);
            if (codes[r] < 0)
            {
                cells.Fill(double.NaN);
            }
            else if (map[codes[r]] >= 0)
            {
                cells[map[codes[r]]] = 1;
            }
        }
    }

    private void CheckColumns(DataFrame frame)
    {
        var problems = new List<string>();
        foreach (var c in InputSchema.Columns)
        {
            if (!frame.TryGetColumn(c.Name, out var actual))
            {
                problems.Add($"column '{c.Name}' ({c.Kind}) is missing");
            }
            else if (actual.Kind != c.Kind)
            {
                problems.Add($"column '{c.Name}' is {actual.Kind} but {c.Kind} is expected");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"The frame does not match the encoding's input schema: {string.Join("; ", problems)}.", nameof(frame));
        }
    }
}
