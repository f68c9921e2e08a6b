using System.Globalization;
using System.Text.Json;
using Vigil.Data.Frames;

namespace Vigil.Serving.Inputs;

/// <summary>
/// Collects decoded values into typed per-field buffers and checks each against its field's kind; builds the frame in
/// schema order once every record is complete, or throws every problem found as one <see cref="InputValidationException"/>.
/// One instance per request; not thread-safe.
/// </summary>
internal sealed class FrameBuilder
{
    private const int MaxShownText = 40;
    private readonly RecordSchema _schema;
    private readonly ServingLimits _limits;
    private readonly double[]?[] _numbers;
    private readonly int[]?[] _codes;
    private readonly byte[]?[] _flags;
    private readonly long[]?[] _ticks;
    private readonly string?[]?[] _texts;
    private readonly List<string>?[] _extraCategories;
    private readonly Dictionary<string, int>?[] _extraIndex;
    private readonly int[] _seen;
    private List<InputError>? _errors;
    private bool _expectedListed;
    private int _capacity;

    public FrameBuilder(RecordSchema schema, ServingLimits limits)
    {
        _schema = schema;
        _limits = limits;
        var n = schema.Count;
        _numbers = new double[n][];
        _codes = new int[n][];
        _flags = new byte[n][];
        _ticks = new long[n][];
        _texts = new string[n][];
        _extraCategories = new List<string>[n];
        _extraIndex = new Dictionary<string, int>[n];
        _seen = new int[n];
    }

    /// <summary>The number of rows so far.</summary>
    public int Rows { get; private set; }

    public bool HasErrors => _errors is { Count: > 0 };

    public RecordSchema Schema => _schema;

    public ServingLimits Limits => _limits;

    /// <summary>Sets the row count up front (tensors, whose shape gives it); checks the batch limits.</summary>
    public void SetRows(int rows, string what)
    {
        if (rows > _limits.MaxBatchRows)
        {
            throw TooLarge(what, rows);
        }

        if (rows == 0)
        {
            throw new InputValidationException(new InputError(null, null, $"{what} holds no records; send at least one."));
        }

        Rows = rows;
        Grow(rows);
    }

    /// <summary>Starts a new row (records read one by one) and returns its index; more than the batch limit throws 413.</summary>
    public int AddRow(string what)
    {
        if (Rows >= _limits.MaxBatchRows)
        {
            throw TooLarge(what, null);
        }

        if (Rows == _capacity)
        {
            Grow(_capacity == 0 ? 1 : Math.Min(_capacity * 2, _limits.MaxBatchRows));
        }

        return Rows++;
    }

    /// <summary>Reports every field not set in row <paramref name="row"/> (rows read one by one).</summary>
    public void EndRow(int row, Locator locator)
    {
        for (var f = 0; f < _seen.Length; f++)
        {
            if (_seen[f] != row + 1)
            {
                Error(_schema.Fields[f].Name, row, $"{locator.Describe(row, _schema.Fields[f].Name, f)}: missing field");
            }
        }
    }

    /// <summary>Marks field <paramref name="field"/> as set in <paramref name="row"/>; false (and an error) when it already was.</summary>
    public bool MarkSeen(int field, int row, Locator locator, int position)
    {
        if (_seen[field] == row + 1)
        {
            Error(_schema.Fields[field].Name, row, $"{locator.Describe(row, _schema.Fields[field].Name, position)}: the field is given more than once");
            return false;
        }

        _seen[field] = row + 1;
        return true;
    }

    /// <summary>Reports a field name the schema lacks (listing the expected fields the first time).</summary>
    public void UnknownField(string name, int? row, Locator locator, int position)
    {
        var where = row is { } r ? locator.Describe(r, name, position) : locator.Prefix + $" \"{name}\"";
        Error(name, row, $"{where}: unknown field{ExpectedSuffix()}");
    }

    /// <summary>", expected fields: ..." the first time it is asked for, then nothing.</summary>
    public string ExpectedSuffix()
    {
        if (_expectedListed)
        {
            return string.Empty;
        }

        _expectedListed = true;
        return $"; expected fields: {_schema.ExpectedFieldList}";
    }

    /// <summary>Adds a problem; throws all of them once <see cref="ServingLimits.MaxErrors"/> are collected.</summary>
    public void Error(string? field, int? row, string message)
    {
        (_errors ??= []).Add(new InputError(field, row, message));
        if (_errors.Count >= _limits.MaxErrors)
        {
            throw new InputValidationException(_errors);
        }
    }

    public void ThrowIfErrors()
    {
        if (_errors is { Count: > 0 })
        {
            throw new InputValidationException(_errors);
        }
    }

    /// <summary>
    /// Reads the value at the reader's current token into field <paramref name="field"/> of row <paramref name="row"/>,
    /// reporting a value of the wrong type; a nested object or array is skipped.
    /// </summary>
    public void Set(int field, int row, ref Utf8JsonReader reader, Locator locator, int position)
    {
        var f = _schema.Fields[field];
        var token = reader.TokenType;
        string? problem = f.Kind switch
        {
            ColumnKind.Float64 => SetNumber(field, row, ref reader),
            ColumnKind.Boolean => SetBoolean(field, row, ref reader),
            ColumnKind.Categorical => SetCategory(f, row, ref reader),
            ColumnKind.Timestamp => SetTimestamp(field, row, ref reader),
            _ => SetText(field, row, ref reader),
        };

        if (problem is not null)
        {
            Error(f.Name, row, $"{locator.Describe(row, f.Name, position)}: {problem}");
        }

        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>The frame in schema order; throws the collected problems, or a 400 when there are no rows.</summary>
    public DataFrame Build(string what)
    {
        ThrowIfErrors();
        if (Rows == 0)
        {
            throw new InputValidationException(new InputError(null, null, $"{what} holds no records; send at least one."));
        }

        var columns = new Column[_schema.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var f = _schema.Fields[i];
            columns[i] = f.Kind switch
            {
                ColumnKind.Float64 => new Float64Column(f.Name, Trim(_numbers[i]!)),
                ColumnKind.Boolean => new BooleanColumn(f.Name, Booleans(_flags[i]!)),
                ColumnKind.Categorical => new CategoricalColumn(f.Name, Trim(_codes[i]!), Dictionary(i)),
                ColumnKind.Timestamp => new TimestampColumn(f.Name, Trim(_ticks[i]!)),
                _ => new StringColumn(f.Name, Trim(_texts[i]!)),
            };
        }

        return new DataFrame(columns);
    }

    internal static string Got(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "no value",
    };

    internal static string Shown(string text) => text.Length <= MaxShownText ? $"'{text}'" : $"'{text[..MaxShownText]}...' ({text.Length} characters)";

    private InputValidationException TooLarge(string what, int? rows) => new(
        new InputError(null, null, rows is { } n
            ? $"{what} holds {n.ToString(CultureInfo.InvariantCulture)} records; at most {_limits.MaxBatchRows.ToString(CultureInfo.InvariantCulture)} are allowed per request."
            : $"{what} holds more than {_limits.MaxBatchRows.ToString(CultureInfo.InvariantCulture)} records, the most allowed per request."),
        413);

    private string? SetNumber(int field, int row, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
                {
                    return "the number is out of range";
                }

                _numbers[field]![row] = value;
                return null;
            case JsonTokenType.String when IsNonFiniteText(ref reader):
                return "expected a finite number, got NaN or Infinity (not allowed)";
            default:
                return $"expected a number, got {Got(reader.TokenType)}";
        }
    }

    private static bool IsNonFiniteText(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length > 12)
        {
            return false;
        }

        var text = reader.GetString()!.Trim().TrimStart('+', '-');
        return text.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || text.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || text.Equals("Inf", StringComparison.OrdinalIgnoreCase);
    }

    private string? SetBoolean(int field, int row, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                _flags[field]![row] = 1;
                return null;
            case JsonTokenType.False:
                _flags[field]![row] = 0;
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var d) && d is 0 or 1:
                _flags[field]![row] = (byte)d;
                return null;
            case JsonTokenType.Number:
                return "expected true or false (or 0 or 1), got another number";
            default:
                return $"expected a boolean (true or false), got {Got(reader.TokenType)}";
        }
    }

    private string? SetCategory(RecordField f, int row, ref Utf8JsonReader reader)
    {
        var field = f.Index;
        var token = reader.TokenType;
        if (token is not (JsonTokenType.String or JsonTokenType.Number))
        {
            return $"expected a string, got {Got(token)}";
        }

        if (token == JsonTokenType.String && TooLong(ref reader, out var problem))
        {
            return problem;
        }

        var code = f.FindCategory(ref reader, out var text);
        if (code >= 0)
        {
            _codes[field]![row] = code;
            return null;
        }

        if (token == JsonTokenType.Number)
        {
            return f.Categories is null
                ? "expected a string, got a number"
                : $"expected a string, got a number that is not one of the categories ({f.AllowedList})";
        }

        text ??= reader.GetString()!;
        if (f.RejectUnknownCategories)
        {
            return $"{Shown(text)} is not an allowed value; allowed: {f.AllowedList}";
        }

        var index = _extraIndex[field] ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (!index.TryGetValue(text, out var extra))
        {
            var list = _extraCategories[field] ??= [];
            extra = list.Count;
            list.Add(text);
            index.Add(text, extra);
        }

        _codes[field]![row] = (f.Categories?.Count ?? 0) + extra;
        return null;
    }

    private string? SetTimestamp(int field, int row, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"expected an ISO-8601 timestamp string, got {Got(reader.TokenType)}";
        }

        if (reader.ValueSpan.Length <= 64 && reader.TryGetDateTimeOffset(out var instant))
        {
            if (HasOffset(reader.ValueSpan))
            {
                _ticks[field]![row] = instant.UtcTicks;
                return null;
            }

            if (reader.TryGetDateTime(out var local))
            {
                _ticks[field]![row] = DateTime.SpecifyKind(local, DateTimeKind.Utc).Ticks;
                return null;
            }
        }

        return TooLong(ref reader, out var problem) ? problem : $"expected an ISO-8601 timestamp (e.g. 2024-05-01T12:00:00Z), got {Shown(reader.GetString()!)}";
    }

    private static bool HasOffset(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > 0 && (raw[^1] == (byte)'Z' || raw[^1] == (byte)'z'))
        {
            return true;
        }

        return raw.Length > 10 && raw[10..].IndexOfAny((byte)'+', (byte)'-') >= 0;
    }

    private string? SetText(int field, int row, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"expected a string, got {Got(reader.TokenType)}";
        }

        if (TooLong(ref reader, out var problem))
        {
            return problem;
        }

        _texts[field]![row] = reader.GetString();
        return null;
    }

    private bool TooLong(ref Utf8JsonReader reader, out string? problem)
    {
        problem = null;
        if (reader.ValueSpan.Length <= _limits.MaxStringLength)
        {
            return false;
        }

        // Escapes make the raw bytes longer than the text; count the text only when the bytes exceed the limit.
        var length = reader.ValueIsEscaped ? reader.GetString()!.Length : System.Text.Encoding.UTF8.GetCharCount(reader.ValueSpan);
        if (length <= _limits.MaxStringLength)
        {
            return false;
        }

        problem = $"the string has {length.ToString(CultureInfo.InvariantCulture)} characters; at most {_limits.MaxStringLength.ToString(CultureInfo.InvariantCulture)} are allowed";
        return true;
    }

    private void Grow(int capacity)
    {
        for (var i = 0; i < _schema.Count; i++)
        {
            switch (_schema.Fields[i].Kind)
            {
                case ColumnKind.Float64:
                    Array.Resize(ref _numbers[i], capacity);
                    break;
                case ColumnKind.Boolean:
                    Array.Resize(ref _flags[i], capacity);
                    break;
                case ColumnKind.Categorical:
                    Array.Resize(ref _codes[i], capacity);
                    break;
                case ColumnKind.Timestamp:
                    Array.Resize(ref _ticks[i], capacity);
                    break;
                default:
                    Array.Resize(ref _texts[i], capacity);
                    break;
            }
        }

        _capacity = capacity;
    }

    private T[] Trim<T>(T[] values)
    {
        if (values.Length != Rows)
        {
            Array.Resize(ref values, Rows);
        }

        return values;
    }

    private bool?[] Booleans(byte[] flags)
    {
        var result = new bool?[Rows];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = flags[i] == 1;
        }

        return result;
    }

    private string[] Dictionary(int field)
    {
        var known = _schema.Fields[field].Categories;
        var extra = _extraCategories[field];
        if (extra is null)
        {
            return _schema.Fields[field].CategoryArray;
        }

        return known is null ? [.. extra] : [.. known, .. extra];
    }
}
