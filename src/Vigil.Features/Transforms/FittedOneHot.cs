using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>A fitted one-hot step: one 0/1 column <c>&lt;col&gt;=&lt;value&gt;</c> per training category, plus optional missing and other buckets.</summary>
internal sealed class FittedOneHot : IFittedFeatureTransform
{
    public const string KindName = "vigil.features.one-hot";
    public const string StepName = "one_hot";
    public const string MissingLabel = "<missing>";
    public const string OtherLabel = "<other>";
    private const int PayloadVersion = 1;
    private readonly string[][] _categories;
    private readonly UnknownCategoryPolicy _unknown;
    private readonly MissingCategoryPolicy _missing;
    private readonly bool _keepInput;
    private readonly string[][] _outputs;

    public FittedOneHot(ColumnSchema[] columns, string[][] categories, UnknownCategoryPolicy unknown, MissingCategoryPolicy missing, bool keepInput)
    {
        (_categories, _unknown, _missing, _keepInput) = (categories, unknown, missing, keepInput);
        InputSchema = new FrameSchema(columns);
        _outputs = [.. columns.Select((c, i) => OutputsOf(c.Name, categories[i]))];
        OutputColumns = [.. _outputs.SelectMany(o => o)];
    }

    public string Kind => KindName;

    public FrameSchema InputSchema { get; }

    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>The learned categories of each input column, sorted ordinally.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories => _categories;

    public DataFrame Transform(DataFrame frame)
    {
        var produced = new Dictionary<string, Column[]>(StringComparer.Ordinal);
        for (var c = 0; c < _categories.Length; c++)
        {
            var input = ColumnSelection.Require(frame, InputSchema.Columns[c].Name, CategoryCodes.Kinds, StepName);
            produced[input.Name] = Encode(input, c);
        }

        var inputs = InputSchema.Columns.Select(c => c.Name);
        ColumnSelection.RequireFree(frame, OutputColumns, _keepInput ? [] : inputs, StepName);
        var result = new List<Column>(frame.ColumnCount + OutputColumns.Count);
        foreach (var column in frame.Columns)
        {
            if (!produced.TryGetValue(column.Name, out var indicators) || _keepInput)
            {
                result.Add(column);
            }

            if (indicators is not null)
            {
                result.AddRange(indicators);
            }
        }

        return new DataFrame(result);
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PayloadVersion);
        writer.Write(_categories.Length);
        for (var c = 0; c < _categories.Length; c++)
        {
            writer.Write(InputSchema.Columns[c].Name);
            writer.Write((int)InputSchema.Columns[c].Kind);
            StepBinary.WriteStrings(writer, _categories[c]);
        }

        writer.Write((int)_unknown);
        writer.Write((int)_missing);
        writer.Write(_keepInput);
    }

    public static FittedOneHot Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StepBinary.ReadVersion(reader, PayloadVersion, KindName);
        var n = StepBinary.ReadCount(reader, 9);
        var (columns, categories) = (new ColumnSchema[n], new string[n][]);
        for (var c = 0; c < n; c++)
        {
            columns[c] = new ColumnSchema(reader.ReadString(), StepBinary.ReadEnum<ColumnKind>(reader, 5));
            categories[c] = StepBinary.ReadStrings(reader);
        }

        return new FittedOneHot(columns, categories, StepBinary.ReadEnum<UnknownCategoryPolicy>(reader, 3), StepBinary.ReadEnum<MissingCategoryPolicy>(reader, 2), reader.ReadBoolean());
    }

    public string Describe() =>
        $"{StepName}: {string.Join("; ", InputSchema.Columns.Select((c, i) => $"{c.Name} → {_outputs[i].Length} indicators ({string.Join(", ", _categories[i].Take(10))}{(_categories[i].Length > 10 ? ", ..." : string.Empty)})"))}; unknown {_unknown}, missing {_missing}";

    private string[] OutputsOf(string column, string[] categories)
    {
        var names = categories.Select(v => $"{column}={v}").ToList();
        if (_unknown == UnknownCategoryPolicy.Other)
        {
            names.Add($"{column}={OtherLabel}");
        }

        if (_missing == MissingCategoryPolicy.Indicator)
        {
            names.Add($"{column}={MissingLabel}");
        }

        return [.. names];
    }

    private Column[] Encode(Column input, int c)
    {
        var categories = _categories[c];
        var index = CategoryCodes.Map(input, categories);
        var names = _outputs[c];
        var values = names.Select(_ => new double[index.Length]).ToArray();
        var other = _unknown == UnknownCategoryPolicy.Other ? categories.Length : -1;
        var missing = _missing == MissingCategoryPolicy.Indicator ? names.Length - 1 : -1;
        for (var i = 0; i < index.Length; i++)
        {
            var hot = index[i] switch
            {
                >= 0 => index[i],
                CategoryCodes.Missing => missing,
                _ when _unknown == UnknownCategoryPolicy.Error => throw CategoryCodes.UnknownError(StepName, input, i, categories),
                _ => other,
            };
            if (index[i] == CategoryCodes.Missing && missing < 0)
            {
                foreach (var v in values)
                {
                    v[i] = double.NaN;
                }
            }
            else if (hot >= 0)
            {
                values[hot][i] = 1;
            }
        }

        return [.. names.Select((n, k) => new Float64Column(n, values[k]))];
    }
}
