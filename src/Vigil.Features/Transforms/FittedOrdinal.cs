using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>A fitted ordinal step: each category becomes its index in the sorted training categories; missing → NaN, unseen → −1 or an error.</summary>
internal sealed class FittedOrdinal : IFittedFeatureTransform
{
    public const string KindName = "vigil.features.ordinal";
    public const string StepName = "ordinal";
    private const int PayloadVersion = 1;
    private readonly string[][] _categories;
    private readonly bool _errorOnUnknown;
    private readonly bool _inPlace;

    public FittedOrdinal(ColumnSchema[] columns, string[][] categories, bool errorOnUnknown, bool inPlace)
    {
        (_categories, _errorOnUnknown, _inPlace) = (categories, errorOnUnknown, inPlace);
        InputSchema = new FrameSchema(columns);
        OutputColumns = [.. columns.Select(c => inPlace ? c.Name : c.Name + "_ordinal")];
    }

    public string Kind => KindName;

    public FrameSchema InputSchema { get; }

    public IReadOnlyList<string> OutputColumns { get; }

    public DataFrame Transform(DataFrame frame)
    {
        var encoded = new Column[_categories.Length];
        for (var c = 0; c < encoded.Length; c++)
        {
            var input = ColumnSelection.Require(frame, InputSchema.Columns[c].Name, CategoryCodes.Kinds, StepName);
            var index = CategoryCodes.Map(input, _categories[c]);
            var values = new double[index.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = index[i] switch
                {
                    >= 0 => index[i],
                    CategoryCodes.Missing => double.NaN,
                    _ when _errorOnUnknown => throw CategoryCodes.UnknownError(StepName, input, i, _categories[c]),
                    _ => -1,
                };
            }

            encoded[c] = new Float64Column(OutputColumns[c], values);
        }

        if (!_inPlace)
        {
            ColumnSelection.RequireFree(frame, OutputColumns, [], StepName);
        }

        return encoded.Aggregate(frame, (f, column) => f.WithColumn(column));
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

        writer.Write(_errorOnUnknown);
        writer.Write(_inPlace);
    }

    public static FittedOrdinal Read(BinaryReader reader)
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

        return new FittedOrdinal(columns, categories, reader.ReadBoolean(), reader.ReadBoolean());
    }

    public string Describe() =>
        $"{StepName}: {string.Join("; ", InputSchema.Columns.Select((c, i) => $"{c.Name} → 0..{_categories[i].Length - 1} ({string.Join(", ", _categories[i].Take(10))}{(_categories[i].Length > 10 ? ", ..." : string.Empty)})"))}; unknown → {(_errorOnUnknown ? "error" : "-1")}";
}
