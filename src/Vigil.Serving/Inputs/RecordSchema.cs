using System.Text;
using System.Text.Json;
using Vigil.Data.Frames;

namespace Vigil.Serving.Inputs;

/// <summary>
/// A model's input schema prepared for decoding request bodies: each field's name (also as UTF-8), kind and, for
/// categorical fields, its category dictionary. Built once per served model; immutable and thread-safe.
/// </summary>
/// <remarks>
/// A categorical field with categories (<see cref="ColumnSchema.AllowedValues"/>) decodes into a
/// <see cref="CategoricalColumn"/> whose dictionary starts with those categories, so the model's encoding sees exactly
/// the dictionary it was fitted with. Values outside it are appended to the request's dictionary (the tabular encoding
/// encodes them as "no category"), unless the field is listed as rejecting unknown categories, in which case they are a
/// 400 that names the allowed values.
/// </remarks>
public sealed class RecordSchema
{
    private readonly RecordField[] _fields;

    /// <summary>Prepares <paramref name="schema"/>; fields named in <paramref name="rejectUnknownCategories"/> reject values outside their categories.</summary>
    public RecordSchema(FrameSchema schema, IEnumerable<string>? rejectUnknownCategories = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Columns.Count == 0)
        {
            throw new ArgumentException("An input schema needs at least one column.", nameof(schema));
        }

        var strict = new HashSet<string>(rejectUnknownCategories ?? [], StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        _fields = new RecordField[schema.Columns.Count];
        for (var i = 0; i < _fields.Length; i++)
        {
            var c = schema.Columns[i];
            if (!names.Add(c.Name))
            {
                throw new ArgumentException($"Column '{c.Name}' appears more than once in the input schema.", nameof(schema));
            }

            if (!Enum.IsDefined(c.Kind))
            {
                throw new ArgumentException($"Column '{c.Name}' has an undefined kind {(int)c.Kind}.", nameof(schema));
            }

            _fields[i] = new RecordField(i, c, strict.Contains(c.Name));
        }

        var unknownStrict = strict.Where(s => !names.Contains(s)).ToList();
        if (unknownStrict.Count > 0)
        {
            throw new ArgumentException($"rejectUnknownCategories names fields the schema lacks: {string.Join(", ", unknownStrict)}.", nameof(rejectUnknownCategories));
        }

        Schema = schema;
        AllNumericOrBoolean = _fields.All(f => f.Kind is ColumnKind.Float64 or ColumnKind.Boolean);
        ExpectedFieldList = string.Join(", ", _fields.Select(f => Quote(f.Name)));
    }

    /// <summary>The schema this was built from.</summary>
    public FrameSchema Schema { get; }

    /// <summary>The fields in schema order.</summary>
    public IReadOnlyList<RecordField> Fields => _fields;

    /// <summary>The number of fields.</summary>
    public int Count => _fields.Length;

    /// <summary>True when every field is numeric or boolean (what a single 2-D KServe V2 tensor can carry).</summary>
    public bool AllNumericOrBoolean { get; }

    /// <summary>The field names, quoted and comma-separated, for error messages.</summary>
    public string ExpectedFieldList { get; }

    /// <summary>The schema of a served model: its own prepared schema when it offers one (<see cref="IRecordSchemaSource"/>), else one built from <see cref="IServedModel.InputSchema"/>.</summary>
    public static RecordSchema For(IServedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model is IRecordSchemaSource source ? source.RecordSchema : new RecordSchema(model.InputSchema);
    }

    /// <summary>The index of the field named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.Equals(_fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the field named by the reader's current property name or string token, or -1; the search starts at <paramref name="hint"/> (records usually list fields in order).</summary>
    internal int IndexOf(ref Utf8JsonReader reader, int hint)
    {
        var n = _fields.Length;
        if ((uint)hint >= (uint)n)
        {
            hint = 0;
        }

        for (var k = 0; k < n; k++)
        {
            var i = hint + k;
            if (i >= n)
            {
                i -= n;
            }

            if (reader.ValueTextEquals(_fields[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string Quote(string name) => "\"" + name + "\"";
}

/// <summary>One input field of a <see cref="RecordSchema"/>.</summary>
public sealed class RecordField
{
    private const int ScanLimit = 16;
    private readonly Dictionary<string, int>? _categoryIndex;
    private readonly byte[][]? _utf8Categories;

    internal RecordField(int index, ColumnSchema column, bool rejectUnknownCategories)
    {
        Index = index;
        Name = column.Name;
        Kind = column.Kind;
        Utf8Name = Encoding.UTF8.GetBytes(column.Name);
        if (column.Kind == ColumnKind.Categorical && column.AllowedValues is { Count: > 0 } categories)
        {
            CategoryArray = [.. categories];
            Categories = CategoryArray;
            _categoryIndex = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
            for (var k = 0; k < categories.Count; k++)
            {
                _categoryIndex.TryAdd(categories[k], k);
            }

            if (categories.Count <= ScanLimit)
            {
                _utf8Categories = [.. categories.Select(Encoding.UTF8.GetBytes)];
            }

            AllowedList = string.Join(", ", categories.Take(20).Select(RecordSchema.Quote)) + (categories.Count > 20 ? $", ... ({categories.Count} in all)" : string.Empty);
        }

        RejectUnknownCategories = rejectUnknownCategories && Categories is not null;
    }

    /// <summary>The position in the schema.</summary>
    public int Index { get; }

    /// <summary>The field (column) name.</summary>
    public string Name { get; }

    /// <summary>The name as UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Utf8NameMemory => Utf8Name;

    /// <summary>The column kind the model expects.</summary>
    public ColumnKind Kind { get; }

    /// <summary>Categorical fields: the model's categories in dictionary order; otherwise null (also for categorical fields whose categories the model does not declare).</summary>
    public IReadOnlyList<string>? Categories { get; }

    /// <summary>True when a value outside <see cref="Categories"/> is rejected rather than encoded as "no category".</summary>
    public bool RejectUnknownCategories { get; }

    internal byte[] Utf8Name { get; }

    /// <summary>The categories as an array shared (never mutated) by every decoded column without unseen values.</summary>
    internal string[] CategoryArray { get; } = [];

    internal string AllowedList { get; } = string.Empty;

    /// <summary>The dictionary code of the category at the reader's current string (or number) token, or -1.</summary>
    internal int FindCategory(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (_utf8Categories is not null && reader.TokenType == JsonTokenType.String)
        {
            for (var k = 0; k < _utf8Categories.Length; k++)
            {
                if (reader.ValueTextEquals(_utf8Categories[k]))
                {
                    return k;
                }
            }

            return -1;
        }

        text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
        return _categoryIndex is not null && _categoryIndex.TryGetValue(text, out var code) ? code : -1;
    }

    /// <summary>The dictionary code of <paramref name="text"/>, or -1.</summary>
    internal int FindCategory(string text) => _categoryIndex is not null && _categoryIndex.TryGetValue(text, out var code) ? code : -1;
}

/// <summary>A served model that offers its prepared <see cref="Inputs.RecordSchema"/> (built once, reused by every request).</summary>
public interface IRecordSchemaSource
{
    /// <summary>The prepared input schema.</summary>
    RecordSchema RecordSchema { get; }
}
