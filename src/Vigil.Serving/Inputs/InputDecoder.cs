using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Serving.Inputs;

/// <summary>
/// Decodes UTF-8 JSON request bodies into a frame that matches a model's <see cref="RecordSchema"/> exactly (same columns,
/// order, kinds and category dictionaries), validating every value. Any problem — malformed JSON, a wrong shape, a
/// missing, unknown or mistyped field, NaN or Infinity, a string that is too long, an empty or oversize batch — throws an
/// <see cref="InputValidationException"/> (400, or 413 for size) naming the record and field; nothing else escapes.
/// Immutable and thread-safe; reads with <see cref="Utf8JsonReader"/> without building a document.
/// </summary>
/// <remarks>
/// <para>Formats: <see cref="DecodeRecords"/> (Vigil), <see cref="DecodeMlflow"/> (MLflow scoring), <see cref="DecodeKServeV2"/>
/// (KServe V2 / Open Inference Protocol). Values: numbers for numeric fields (no null, NaN or Infinity, also not as
/// strings); strings for categorical fields (a number only when its text is a category); <c>true</c>/<c>false</c> (or 0/1)
/// for boolean fields; ISO-8601 strings for timestamps (UTC when no offset is given).</para>
/// </remarks>
public sealed partial class InputDecoder
{
    private static readonly Locator InstancesObjects = new("instances", LocatorStyle.ObjectRows);
    private static readonly Locator InstancesArrays = new("instances", LocatorStyle.ArrayRows);
    private static readonly Locator InputsObjects = new("inputs", LocatorStyle.ObjectRows);
    private static readonly Locator InputsArrays = new("inputs", LocatorStyle.ArrayRows);
    private readonly RecordSchema _schema;
    private readonly ServingLimits _limits;
    private readonly JsonReaderOptions _options;

    /// <summary>Creates a decoder for <paramref name="schema"/> under <paramref name="limits"/> (default <see cref="ServingLimits.Default"/>).</summary>
    public InputDecoder(RecordSchema schema, ServingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        _limits = limits ?? ServingLimits.Default;
        _options = new JsonReaderOptions { MaxDepth = _limits.MaxJsonDepth };
    }

    /// <summary>A decoder for a served model's input schema.</summary>
    public static InputDecoder For(IServedModel model, ServingLimits? limits = null) => new(RecordSchema.For(model), limits);

    /// <summary>The schema records are checked against.</summary>
    public RecordSchema Schema => _schema;

    /// <summary>The size limits in force.</summary>
    public ServingLimits Limits => _limits;

    /// <summary>Decodes a body of the given format.</summary>
    public DecodedRequest Decode(InputFormat format, ReadOnlySpan<byte> utf8Json) => format switch
    {
        InputFormat.Records => DecodeRecords(utf8Json),
        InputFormat.Mlflow => DecodeMlflow(utf8Json),
        InputFormat.KServeV2 => DecodeKServeV2(utf8Json),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown input format."),
    };

    /// <summary>
    /// Decodes Vigil's body <c>{"records": [{"&lt;field&gt;": value, ...}, ...]}</c>, or one record as <c>"records": {...}</c>.
    /// Besides <c>records</c> the top level may hold <c>"id"</c> (a request id string) and <c>"key"</c> (a routing key,
    /// string or number, for sticky A/B routing); any other top-level field is a 400.
    /// </summary>
    public DecodedRequest DecodeRecords(ReadOnlySpan<byte> utf8Json)
    {
        CheckSize(utf8Json);
        var reader = new Utf8JsonReader(utf8Json, _options);
        try
        {
            return ReadVigil(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Malformed(ex, utf8Json);
        }
    }

    /// <summary>
    /// Decodes an MLflow scoring body: <c>{"dataframe_split": {"columns": [...], "data": [[...]], "index": [...]}}</c>
    /// (index optional and ignored), <c>{"dataframe_records": [{...}]}</c>, or <c>{"instances": ...}</c> / <c>{"inputs": ...}</c>
    /// holding records as objects or as arrays in schema order. Exactly one of those keys; <c>"params"</c> is accepted and
    /// ignored; any other top-level field is a 400.
    /// </summary>
    public DecodedRequest DecodeMlflow(ReadOnlySpan<byte> utf8Json)
    {
        CheckSize(utf8Json);
        var reader = new Utf8JsonReader(utf8Json, _options);
        try
        {
            return ReadMlflow(ref reader, utf8Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Malformed(ex, utf8Json);
        }
    }

    private DecodedRequest ReadVigil(ref Utf8JsonReader r)
    {
        ExpectRootObject(ref r, "a JSON object with a \"records\" field");
        var b = new FrameBuilder(_schema, _limits);
        string? id = null, key = null;
        var sawRecords = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("records"u8))
            {
                r.Read();
                if (sawRecords)
                {
                    throw Structure("\"records\" is given more than once.");
                }

                sawRecords = true;
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    ReadObjectRow(ref r, b, b.AddRow("records"), Locator.SingleRecord);
                }
                else if (r.TokenType == JsonTokenType.StartArray)
                {
                    ReadRows(ref r, b, "records", Locator.Records, null);
                }
                else
                {
                    throw Structure($"\"records\" must be an array of records (objects) or one record; got {FrameBuilder.Got(r.TokenType)}.");
                }
            }
            else if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                id = ReadTag(ref r, b, "id", allowNumber: false);
            }
            else if (r.ValueTextEquals("key"u8))
            {
                r.Read();
                key = ReadTag(ref r, b, "key", allowNumber: true);
            }
            else
            {
                var name = PropertyText(ref r);
                r.Read();
                r.Skip();
                b.Error(null, null, $"unknown top-level field {name}; allowed: \"records\", \"id\", \"key\"");
            }
        }

        EndRoot(ref r);
        if (!sawRecords)
        {
            b.Error(null, null, "the body has no \"records\" field; send {\"records\": [{\"<field>\": value, ...}]}");
        }

        return new DecodedRequest(b.Build("\"records\""), id, key);
    }

    private DecodedRequest ReadMlflow(ref Utf8JsonReader r, ReadOnlySpan<byte> body)
    {
        ExpectRootObject(ref r, "a JSON object with one of \"dataframe_split\", \"dataframe_records\", \"instances\" or \"inputs\"");
        var b = new FrameBuilder(_schema, _limits);
        string? format = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string? current = r.ValueTextEquals("dataframe_split"u8) ? "dataframe_split"
                : r.ValueTextEquals("dataframe_records"u8) ? "dataframe_records"
                : r.ValueTextEquals("instances"u8) ? "instances"
                : r.ValueTextEquals("inputs"u8) ? "inputs"
                : null;
            if (current is null)
            {
                var known = r.ValueTextEquals("params"u8);
                var name = PropertyText(ref r);
                r.Read();
                if (known && r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                {
                    b.Error(null, null, $"\"params\" must be an object; got {FrameBuilder.Got(r.TokenType)}");
                }
                else if (!known)
                {
                    b.Error(null, null, $"unknown top-level field {name}; allowed: \"dataframe_split\", \"dataframe_records\", \"instances\", \"inputs\", \"params\"");
                }

                r.Skip();
                continue;
            }

            if (format is not null)
            {
                throw Structure($"the body holds both \"{format}\" and \"{current}\"; send exactly one.");
            }

            format = current;
            r.Read();
            switch (current)
            {
                case "dataframe_split":
                    ReadSplit(ref r, b, body);
                    break;
                case "dataframe_records":
                    if (r.TokenType != JsonTokenType.StartArray)
                    {
                        throw Structure($"\"dataframe_records\" must be an array of records (objects); got {FrameBuilder.Got(r.TokenType)}.");
                    }

                    ReadRows(ref r, b, "dataframe_records", Locator.DataframeRecords, null);
                    break;
                default:
                    if (r.TokenType != JsonTokenType.StartArray)
                    {
                        throw Structure($"\"{current}\" must be an array of records (objects, or arrays of values in schema order: {_schema.ExpectedFieldList}); got {FrameBuilder.Got(r.TokenType)}.");
                    }

                    var objects = current == "instances" ? InstancesObjects : InputsObjects;
                    var arrays = current == "instances" ? InstancesArrays : InputsArrays;
                    ReadRows(ref r, b, current, objects, arrays);
                    break;
            }
        }

        EndRoot(ref r);
        if (format is null)
        {
            b.Error(null, null, "the body holds none of \"dataframe_split\", \"dataframe_records\", \"instances\", \"inputs\"");
        }

        return new DecodedRequest(b.Build(format is null ? "the body" : $"\"{format}\""));
    }

    /// <summary>Reads an array of records: objects, or (when <paramref name="arrays"/> is given) arrays of values in schema order.</summary>
    private void ReadRows(ref Utf8JsonReader r, FrameBuilder b, string what, Locator objects, Locator? arrays)
    {
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var row = b.AddRow($"\"{what}\"");
            if (r.TokenType == JsonTokenType.StartObject)
            {
                ReadObjectRow(ref r, b, row, objects);
            }
            else if (r.TokenType == JsonTokenType.StartArray && arrays is not null)
            {
                ReadArrayRow(ref r, b, row, arrays, null);
            }
            else
            {
                b.Error(null, row, $"{objects.Describe(row, null, 0)}: expected a record ({(arrays is null ? "an object" : "an object or an array in schema order")}), got {FrameBuilder.Got(r.TokenType)}");
                r.Skip();
            }
        }
    }

    /// <summary>Reads one record object; the reader is on its StartObject and ends on its EndObject.</summary>
    private void ReadObjectRow(ref Utf8JsonReader r, FrameBuilder b, int row, Locator locator)
    {
        var hint = 0;
        var position = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var field = _schema.IndexOf(ref r, hint);
            if (field < 0)
            {
                var name = PropertyName(ref r);
                r.Read();
                r.Skip();
                b.UnknownField(name, row, locator, position);
            }
            else
            {
                r.Read();
                if (b.MarkSeen(field, row, locator, position))
                {
                    b.Set(field, row, ref r, locator, position);
                }
                else
                {
                    r.Skip();
                }

                hint = field + 1;
            }

            position++;
        }

        b.EndRow(row, locator);
    }

    /// <summary>Reads one record as an array of values: in schema order, or in the order of <paramref name="columns"/> (field index per position, -1 to skip).</summary>
    private void ReadArrayRow(ref Utf8JsonReader r, FrameBuilder b, int row, Locator locator, int[]? columns)
    {
        var expected = columns?.Length ?? _schema.Count;
        var position = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var field = position < expected ? columns?[position] ?? position : -1;
            if (field >= 0)
            {
                b.Set(field, row, ref r, locator, position);
            }
            else
            {
                r.Skip();
            }

            position++;
        }

        if (position != expected)
        {
            var order = columns is null ? $"one per field in schema order: {_schema.ExpectedFieldList}" : "one per column";
            b.Error(null, row, $"{locator.Describe(row, null, 0)}: has {position.ToString(CultureInfo.InvariantCulture)} values; expected {expected.ToString(CultureInfo.InvariantCulture)} ({order})");
        }
    }

    private void ReadSplit(ref Utf8JsonReader r, FrameBuilder b, ReadOnlySpan<byte> body)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw Structure($"\"dataframe_split\" must be an object with \"columns\" and \"data\"; got {FrameBuilder.Got(r.TokenType)}.");
        }

        long columnsAt = -1, dataAt = -1;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var isColumns = r.ValueTextEquals("columns"u8);
            var isData = !isColumns && r.ValueTextEquals("data"u8);
            var isIndex = !isColumns && !isData && r.ValueTextEquals("index"u8);
            var name = isColumns || isData || isIndex ? null : PropertyText(ref r);
            r.Read();
            if (name is not null)
            {
                b.Error(null, null, $"dataframe_split: unknown field {name}; allowed: \"columns\", \"data\", \"index\"");
            }
            else if (r.TokenType != JsonTokenType.StartArray)
            {
                throw Structure($"dataframe_split.{(isColumns ? "columns" : isData ? "data" : "index")} must be an array; got {FrameBuilder.Got(r.TokenType)}.");
            }
            else if ((isColumns && columnsAt >= 0) || (isData && dataAt >= 0))
            {
                throw Structure("dataframe_split: a field is given more than once.");
            }
            else if (isColumns)
            {
                columnsAt = r.TokenStartIndex;
            }
            else if (isData)
            {
                dataAt = r.TokenStartIndex;
            }

            r.Skip();
        }

        if (columnsAt < 0 || dataAt < 0)
        {
            throw Structure("dataframe_split needs both \"columns\" (the field names) and \"data\" (one array of values per record).");
        }

        var columns = ReadSplitColumns(body[(int)columnsAt..], b);
        b.ThrowIfErrors();
        var data = new Utf8JsonReader(body[(int)dataAt..], _options);
        data.Read();
        while (data.Read() && data.TokenType != JsonTokenType.EndArray)
        {
            var row = b.AddRow("\"dataframe_split.data\"");
            if (data.TokenType != JsonTokenType.StartArray)
            {
                b.Error(null, row, $"{Locator.DataframeSplit.Describe(row, null, 0)}: expected an array of values (one per column), got {FrameBuilder.Got(data.TokenType)}");
                data.Skip();
                continue;
            }

            ReadArrayRow(ref data, b, row, Locator.DataframeSplit, columns);
        }
    }

    private int[] ReadSplitColumns(ReadOnlySpan<byte> json, FrameBuilder b)
    {
        var r = new Utf8JsonReader(json, _options);
        r.Read();
        var map = new List<int>();
        var seen = new bool[_schema.Count];
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var position = map.Count;
            if (r.TokenType != JsonTokenType.String)
            {
                b.Error(null, null, $"dataframe_split.columns[{position.ToString(CultureInfo.InvariantCulture)}]: expected a field name (string), got {FrameBuilder.Got(r.TokenType)}");
                r.Skip();
                map.Add(-1);
                continue;
            }

            var field = _schema.IndexOf(ref r, position);
            if (field < 0)
            {
                var name = Truncated(r.GetString()!);
                b.Error(name, null, $"dataframe_split.columns[{position.ToString(CultureInfo.InvariantCulture)}] \"{name}\": unknown field{b.ExpectedSuffix()}");
            }
            else if (seen[field])
            {
                b.Error(_schema.Fields[field].Name, null, $"dataframe_split.columns[{position.ToString(CultureInfo.InvariantCulture)}] \"{_schema.Fields[field].Name}\": the column is given more than once");
                field = -1;
            }
            else
            {
                seen[field] = true;
            }

            map.Add(field);
        }

        for (var f = 0; f < seen.Length; f++)
        {
            if (!seen[f])
            {
                b.Error(_schema.Fields[f].Name, null, $"dataframe_split.columns: missing field \"{_schema.Fields[f].Name}\"");
            }
        }

        return [.. map];
    }

    private string? ReadTag(ref Utf8JsonReader r, FrameBuilder b, string name, bool allowNumber)
    {
        if (r.TokenType == JsonTokenType.String || (allowNumber && r.TokenType == JsonTokenType.Number))
        {
            if (r.ValueSpan.Length > _limits.MaxStringLength)
            {
                b.Error(null, null, $"\"{name}\" is longer than {_limits.MaxStringLength.ToString(CultureInfo.InvariantCulture)} characters");
                return null;
            }

            return r.TokenType == JsonTokenType.String ? r.GetString() : Encoding.UTF8.GetString(r.ValueSpan);
        }

        if (r.TokenType != JsonTokenType.Null)
        {
            b.Error(null, null, $"\"{name}\" must be a string{(allowNumber ? " or a number" : string.Empty)}; got {FrameBuilder.Got(r.TokenType)}");
            r.Skip();
        }

        return null;
    }

    private void CheckSize(ReadOnlySpan<byte> body)
    {
        if (body.Length > _limits.MaxBodyBytes)
        {
            throw new InputValidationException(
                new InputError(null, null, $"The body has {body.Length.ToString(CultureInfo.InvariantCulture)} bytes; at most {_limits.MaxBodyBytes.ToString(CultureInfo.InvariantCulture)} are allowed."),
                413);
        }
    }

    private static void ExpectRootObject(ref Utf8JsonReader r, string what)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw Structure($"The body must be {what}; got {FrameBuilder.Got(r.TokenType)}.");
        }
    }

    private static void EndRoot(ref Utf8JsonReader r)
    {
        if (r.Read())
        {
            throw Structure("unexpected content after the JSON object.");
        }
    }

    /// <summary>The current property name, for messages (shortened when long).</summary>
    private static string PropertyName(ref Utf8JsonReader r) => Truncated(r.GetString()!);

    private static string PropertyText(ref Utf8JsonReader r) => "\"" + PropertyName(ref r) + "\"";

    private static string Truncated(string text) => text.Length <= 100 ? text : text[..100] + "...";

    private static InputValidationException Structure(string message) => new(new InputError(null, null, message));

    private static InputValidationException Malformed(Exception ex, ReadOnlySpan<byte> body)
    {
        if (ex is not JsonException json)
        {
            return new InputValidationException(new InputError(null, null, $"The body is not valid UTF-8 JSON text: {ex.Message}"));
        }

        var line = json.LineNumber ?? 0;
        var inLine = json.BytePositionInLine ?? 0;
        var offset = inLine;
        if (line > 0)
        {
            var seen = 0L;
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == (byte)'\n' && ++seen == line)
                {
                    offset = i + 1 + inLine;
                    break;
                }
            }
        }

        var reason = json.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return new InputValidationException(new InputError(null, null,
            $"Malformed JSON at byte {offset.ToString(CultureInfo.InvariantCulture)} (line {(line + 1).ToString(CultureInfo.InvariantCulture)}, byte {inLine.ToString(CultureInfo.InvariantCulture)} of the line): {reason}"));
    }
}
