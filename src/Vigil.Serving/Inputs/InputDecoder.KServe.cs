using System.Globalization;
using System.Text.Json;
using Vigil.Data.Frames;

namespace Vigil.Serving.Inputs;

/// <content>KServe V2 (Open Inference Protocol) infer requests.</content>
public sealed partial class InputDecoder
{
    /// <summary>The output names a KServe V2 request may ask for.</summary>
    public static IReadOnlyList<string> KServeOutputNames { get; } = ["predict", "probabilities", "keys"];

    /// <summary>
    /// Decodes a KServe V2 infer request <c>{"id"?, "parameters"?, "inputs": [{"name", "shape", "datatype", "data", "parameters"?}], "outputs"?}</c>
    /// (https://kserve.github.io/website/latest/modelserving/data_plane/v2_protocol/). Either one tensor per field (named after
    /// the field, shape <c>[n]</c> or <c>[n, 1]</c>, the same n for all) or, when every field is numeric or boolean, one
    /// tensor of shape <c>[n, fields]</c> in schema order. Datatypes: BOOL, INT8–INT64, UINT8–UINT64, FP32, FP64, BYTES
    /// (strings); FP16 is rejected. <c>data</c> may be flat or nested (row-major); its length must equal the product of
    /// the shape. <c>outputs</c> may name <c>predict</c>, <c>probabilities</c> and <c>keys</c>.
    /// </summary>
    public DecodedRequest DecodeKServeV2(ReadOnlySpan<byte> utf8Json)
    {
        CheckSize(utf8Json);
        var reader = new Utf8JsonReader(utf8Json, _options);
        try
        {
            return ReadKServe(ref reader, utf8Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Malformed(ex, utf8Json);
        }
    }

    private DecodedRequest ReadKServe(ref Utf8JsonReader r, ReadOnlySpan<byte> body)
    {
        ExpectRootObject(ref r, "a KServe V2 infer request object with \"inputs\"");
        var b = new FrameBuilder(_schema, _limits);
        string? id = null;
        List<string>? outputs = null;
        List<Tensor>? tensors = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                id = ReadTag(ref r, b, "id", allowNumber: false);
            }
            else if (r.ValueTextEquals("parameters"u8))
            {
                r.Read();
                ExpectObjectOrNull(ref r, b, "parameters");
            }
            else if (r.ValueTextEquals("inputs"u8))
            {
                r.Read();
                if (tensors is not null)
                {
                    throw Structure("\"inputs\" is given more than once.");
                }

                if (r.TokenType != JsonTokenType.StartArray)
                {
                    throw Structure($"\"inputs\" must be an array of tensors; got {FrameBuilder.Got(r.TokenType)}.");
                }

                tensors = ReadTensors(ref r, b);
            }
            else if (r.ValueTextEquals("outputs"u8))
            {
                r.Read();
                outputs = ReadOutputs(ref r, b);
            }
            else
            {
                var name = PropertyText(ref r);
                r.Read();
                r.Skip();
                b.Error(null, null, $"unknown top-level field {name}; allowed: \"id\", \"parameters\", \"inputs\", \"outputs\"");
            }
        }

        EndRoot(ref r);
        if (tensors is null)
        {
            throw Structure("The infer request has no \"inputs\".");
        }

        b.ThrowIfErrors();
        if (tensors.Count == 0)
        {
            throw Structure("\"inputs\" holds no tensors.");
        }

        if (IsMatrix(tensors))
        {
            ReadMatrix(tensors[0], b, body);
        }
        else
        {
            ReadColumns(tensors, b, body);
        }

        return new DecodedRequest(b.Build("\"inputs\""), id, null, outputs);
    }

    private bool IsMatrix(List<Tensor> tensors) =>
        tensors.Count == 1 && tensors[0].Shape is [_, var width] && (_schema.IndexOf(tensors[0].Name) < 0 || (width == _schema.Count && _schema.Count > 1));

    private void ReadMatrix(Tensor t, FrameBuilder b, ReadOnlySpan<byte> body)
    {
        var where = $"inputs[{t.Position.ToString(CultureInfo.InvariantCulture)}] (\"{t.Name}\")";
        if (t.Shape[1] != _schema.Count)
        {
            throw Structure($"{where}: \"{t.Name}\" is not a field, and shape [{string.Join(", ", t.Shape)}] is not [n, {_schema.Count.ToString(CultureInfo.InvariantCulture)}]; send one tensor per field (named after it) or one 2-D tensor with the fields in schema order: {_schema.ExpectedFieldList}.");
        }

        if (!_schema.AllNumericOrBoolean)
        {
            throw Structure($"{where}: a single 2-D tensor can only carry numeric and boolean fields, but {string.Join(", ", _schema.Fields.Where(f => f.Kind is not (ColumnKind.Float64 or ColumnKind.Boolean)).Select(f => $"\"{f.Name}\" ({f.Kind})"))} {(_schema.Fields.Count(f => f.Kind is not (ColumnKind.Float64 or ColumnKind.Boolean)) == 1 ? "is" : "are")} not; send one tensor per field.");
        }

        foreach (var f in _schema.Fields)
        {
            if (!Fits(t.Type, f.Kind))
            {
                b.Error(f.Name, null, $"{where}: datatype {t.Datatype} does not fit field \"{f.Name}\" ({Describe(f.Kind)}); use {Suggest(f.Kind)}");
            }
        }

        b.ThrowIfErrors();
        b.SetRows((int)t.Shape[0], where);
        var locator = new Locator(where, LocatorStyle.Tensor2D);
        ReadData(t, b, body, locator, (int)t.Shape[1], -1);
    }

    private void ReadColumns(List<Tensor> tensors, FrameBuilder b, ReadOnlySpan<byte> body)
    {
        var byField = new Tensor?[_schema.Count];
        long rows = -1;
        foreach (var t in tensors)
        {
            var where = $"inputs[{t.Position.ToString(CultureInfo.InvariantCulture)}] (\"{t.Name}\")";
            var field = _schema.IndexOf(t.Name);
            if (field < 0)
            {
                b.Error(t.Name, null, $"{where}: unknown input; send one tensor per field{b.ExpectedSuffix()} (or one 2-D tensor of shape [n, {_schema.Count.ToString(CultureInfo.InvariantCulture)}] when every field is numeric)");
                continue;
            }

            if (byField[field] is not null)
            {
                b.Error(t.Name, null, $"{where}: the field is given more than once");
                continue;
            }

            byField[field] = t;
            var f = _schema.Fields[field];
            if (!Fits(t.Type, f.Kind))
            {
                b.Error(f.Name, null, $"{where}: datatype {t.Datatype} does not fit field \"{f.Name}\" ({Describe(f.Kind)}); use {Suggest(f.Kind)}");
            }

            if (t.Shape is not ([_] or [_, 1]))
            {
                b.Error(f.Name, null, $"{where}: shape [{string.Join(", ", t.Shape)}] must be [n] or [n, 1] for a per-field tensor");
            }
            else if (rows < 0)
            {
                rows = t.Shape[0];
            }
            else if (t.Shape[0] != rows)
            {
                b.Error(f.Name, null, $"{where}: {t.Shape[0].ToString(CultureInfo.InvariantCulture)} rows, but earlier tensors have {rows.ToString(CultureInfo.InvariantCulture)}; every input needs the same number of rows");
            }
        }

        for (var i = 0; i < byField.Length; i++)
        {
            if (byField[i] is null)
            {
                b.Error(_schema.Fields[i].Name, null, $"inputs: missing field \"{_schema.Fields[i].Name}\" (one tensor per field is needed)");
            }
        }

        b.ThrowIfErrors();
        b.SetRows((int)Math.Min(rows, int.MaxValue), "\"inputs\"");
        for (var i = 0; i < byField.Length; i++)
        {
            var t = byField[i]!;
            var locator = new Locator($"inputs[{t.Position.ToString(CultureInfo.InvariantCulture)}] (\"{t.Name}\")", LocatorStyle.Tensor);
            ReadData(t, b, body, locator, 1, i);
        }
    }

    /// <summary>Reads a tensor's (flat or nested) data row-major: element k goes to row k / width and field k % width (or to <paramref name="field"/> when it is not -1).</summary>
    private void ReadData(Tensor t, FrameBuilder b, ReadOnlySpan<byte> body, Locator locator, int width, int field)
    {
        var expected = (long)b.Rows * width;
        var r = new Utf8JsonReader(body[(int)t.DataAt..], _options);
        r.Read();
        long count = 0;
        ReadFlat(ref r, t, b, locator, width, field, expected, ref count);
        if (count != expected)
        {
            b.Error(t.Name, null, $"{locator.Prefix}: \"data\" holds {count.ToString(CultureInfo.InvariantCulture)} values but shape [{string.Join(", ", t.Shape)}] needs {expected.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private void ReadFlat(ref Utf8JsonReader r, Tensor t, FrameBuilder b, Locator locator, int width, int field, long expected, ref long count)
    {
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.StartArray)
            {
                ReadFlat(ref r, t, b, locator, width, field, expected, ref count);
                continue;
            }

            var k = count++;
            if (k >= expected)
            {
                r.Skip();
                continue;
            }

            var row = (int)(k / width);
            var column = (int)(k % width);
            var target = field >= 0 ? field : column;
            var problem = CheckElement(ref r, t.Type);
            if (problem is not null)
            {
                b.Error(_schema.Fields[target].Name, row, $"{locator.Describe(row, _schema.Fields[target].Name, column)}: {problem}");
                r.Skip();
                continue;
            }

            b.Set(target, row, ref r, locator, column);
        }
    }

    private static string? CheckElement(ref Utf8JsonReader r, V2Type type)
    {
        var token = r.TokenType;
        switch (type)
        {
            case V2Type.Bool:
                return token is JsonTokenType.True or JsonTokenType.False ? null : $"expected true or false (BOOL), got {FrameBuilder.Got(token)}";
            case V2Type.Bytes:
                return token == JsonTokenType.String ? null : $"expected a string (BYTES), got {FrameBuilder.Got(token)}";
            case V2Type.Fp32 or V2Type.Fp64:
                if (token != JsonTokenType.Number)
                {
                    return $"expected a number ({(type == V2Type.Fp32 ? "FP32" : "FP64")}), got {FrameBuilder.Got(token)}";
                }

                return !r.TryGetDouble(out var d) || !double.IsFinite(d) || (type == V2Type.Fp32 && Math.Abs(d) > float.MaxValue)
                    ? $"the number is out of the {(type == V2Type.Fp32 ? "FP32" : "FP64")} range"
                    : null;
            default:
                if (token != JsonTokenType.Number)
                {
                    return $"expected an integer ({type.ToString().ToUpperInvariant()}), got {FrameBuilder.Got(token)}";
                }

                return FitsInteger(ref r, type) ? null : $"expected an integer within the {type.ToString().ToUpperInvariant()} range";
        }
    }

    private static bool FitsInteger(ref Utf8JsonReader r, V2Type type)
    {
        if (type == V2Type.UInt64)
        {
            return r.TryGetUInt64(out _);
        }

        if (!r.TryGetInt64(out var v))
        {
            return false;
        }

        return type switch
        {
            V2Type.Int8 => v is >= sbyte.MinValue and <= sbyte.MaxValue,
            V2Type.Int16 => v is >= short.MinValue and <= short.MaxValue,
            V2Type.Int32 => v is >= int.MinValue and <= int.MaxValue,
            V2Type.Int64 => true,
            V2Type.UInt8 => v is >= 0 and <= byte.MaxValue,
            V2Type.UInt16 => v is >= 0 and <= ushort.MaxValue,
            _ => v is >= 0 and <= uint.MaxValue,
        };
    }

    private static bool Fits(V2Type type, ColumnKind kind) => kind switch
    {
        ColumnKind.Float64 => type is not (V2Type.Bool or V2Type.Bytes),
        ColumnKind.Boolean => type is not (V2Type.Bytes or V2Type.Fp32 or V2Type.Fp64),
        ColumnKind.Categorical => type is not (V2Type.Bool or V2Type.Fp32 or V2Type.Fp64),
        _ => type == V2Type.Bytes,
    };

    private static string Describe(ColumnKind kind) => kind switch
    {
        ColumnKind.Float64 => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Timestamp => "timestamp",
        _ => "text",
    };

    private static string Suggest(ColumnKind kind) => kind switch
    {
        ColumnKind.Float64 => "FP64, FP32 or an integer type",
        ColumnKind.Boolean => "BOOL (or an integer type with 0/1)",
        ColumnKind.Categorical => "BYTES (strings)",
        ColumnKind.Timestamp => "BYTES (ISO-8601 strings)",
        _ => "BYTES (strings)",
    };

    private List<Tensor> ReadTensors(ref Utf8JsonReader r, FrameBuilder b)
    {
        var tensors = new List<Tensor>();
        var position = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var where = $"inputs[{position.ToString(CultureInfo.InvariantCulture)}]";
            if (r.TokenType != JsonTokenType.StartObject)
            {
                b.Error(null, null, $"{where}: expected a tensor object, got {FrameBuilder.Got(r.TokenType)}");
                r.Skip();
                position++;
                continue;
            }

            string? name = null, datatype = null;
            long[]? shape = null;
            long dataAt = -1;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("name"u8))
                {
                    r.Read();
                    name = r.TokenType == JsonTokenType.String && r.ValueSpan.Length <= _limits.MaxStringLength ? r.GetString() : null;
                    if (name is null)
                    {
                        b.Error(null, null, $"{where}.name: expected a string of at most {_limits.MaxStringLength.ToString(CultureInfo.InvariantCulture)} characters, got {FrameBuilder.Got(r.TokenType)}");
                        r.Skip();
                    }
                }
                else if (r.ValueTextEquals("datatype"u8))
                {
                    r.Read();
                    datatype = r.TokenType == JsonTokenType.String && r.ValueSpan.Length <= 16 ? r.GetString() : null;
                    if (datatype is null)
                    {
                        b.Error(null, null, $"{where}.datatype: expected a datatype name such as \"FP64\", got {FrameBuilder.Got(r.TokenType)}");
                        r.Skip();
                    }
                }
                else if (r.ValueTextEquals("shape"u8))
                {
                    r.Read();
                    shape = ReadShape(ref r, b, where);
                }
                else if (r.ValueTextEquals("data"u8))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.StartArray)
                    {
                        b.Error(null, null, $"{where}.data: expected an array, got {FrameBuilder.Got(r.TokenType)}");
                    }
                    else
                    {
                        dataAt = r.TokenStartIndex;
                    }

                    r.Skip();
                }
                else if (r.ValueTextEquals("parameters"u8))
                {
                    r.Read();
                    ExpectObjectOrNull(ref r, b, where + ".parameters");
                }
                else
                {
                    var key = PropertyText(ref r);
                    r.Read();
                    r.Skip();
                    b.Error(null, null, $"{where}: unknown field {key}; allowed: \"name\", \"shape\", \"datatype\", \"data\", \"parameters\"");
                }
            }

            var type = datatype is null ? (V2Type?)null : ParseType(datatype, b, where);
            if (name is not null && shape is not null && type is not null && dataAt >= 0)
            {
                tensors.Add(new Tensor(position, name, shape, datatype!, type.Value, dataAt));
            }
            else
            {
                var missing = new[] { ("name", name is null), ("shape", shape is null), ("datatype", datatype is null), ("data", dataAt < 0) }
                    .Where(m => m.Item2).Select(m => $"\"{m.Item1}\"").ToList();
                if (missing.Count > 0 && !b.HasErrors)
                {
                    b.Error(name, null, $"{where}: missing {string.Join(", ", missing)}");
                }
                else if (missing.Count > 0)
                {
                    b.Error(name, null, $"{where}: missing or invalid {string.Join(", ", missing)}");
                }
            }

            position++;
        }

        return tensors;
    }

    private long[]? ReadShape(ref Utf8JsonReader r, FrameBuilder b, string where)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            b.Error(null, null, $"{where}.shape: expected an array of dimension sizes, got {FrameBuilder.Got(r.TokenType)}");
            r.Skip();
            return null;
        }

        var dims = new List<long>(2);
        var ok = true;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var d) && d >= 0 && dims.Count < 8)
            {
                dims.Add(d);
            }
            else
            {
                ok = false;
                r.Skip();
            }
        }

        long product = 1;
        foreach (var d in dims)
        {
            product = d == 0 ? 0 : product > (long)_limits.MaxBatchRows * _schema.Count / d ? long.MaxValue : product * d;
        }

        if (!ok || dims.Count == 0)
        {
            b.Error(null, null, $"{where}.shape: expected 1 to 8 non-negative integer dimension sizes");
            return null;
        }

        if (dims[0] > _limits.MaxBatchRows || product > (long)_limits.MaxBatchRows * _schema.Count)
        {
            throw new InputValidationException(
                new InputError(null, null, $"{where}: shape [{string.Join(", ", dims)}] is larger than the {_limits.MaxBatchRows.ToString(CultureInfo.InvariantCulture)} records allowed per request."),
                413);
        }

        return [.. dims];
    }

    private static V2Type? ParseType(string datatype, FrameBuilder b, string where)
    {
        V2Type? type = datatype switch
        {
            "BOOL" => V2Type.Bool,
            "INT8" => V2Type.Int8,
            "INT16" => V2Type.Int16,
            "INT32" => V2Type.Int32,
            "INT64" => V2Type.Int64,
            "UINT8" => V2Type.UInt8,
            "UINT16" => V2Type.UInt16,
            "UINT32" => V2Type.UInt32,
            "UINT64" => V2Type.UInt64,
            "FP32" => V2Type.Fp32,
            "FP64" => V2Type.Fp64,
            "BYTES" => V2Type.Bytes,
            _ => null,
        };
        if (type is null)
        {
            b.Error(null, null, datatype == "FP16"
                ? $"{where}.datatype: FP16 is not supported (JSON cannot carry half-precision values faithfully); send FP32 or FP64"
                : $"{where}.datatype: unknown datatype \"{Truncated(datatype)}\"; use BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FP32, FP64 or BYTES");
        }

        return type;
    }

    private List<string>? ReadOutputs(ref Utf8JsonReader r, FrameBuilder b)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            b.Error(null, null, $"\"outputs\" must be an array of {{\"name\": ...}} objects; got {FrameBuilder.Got(r.TokenType)}");
            r.Skip();
            return null;
        }

        var names = new List<string>();
        var position = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var where = $"outputs[{position++.ToString(CultureInfo.InvariantCulture)}]";
            if (r.TokenType != JsonTokenType.StartObject)
            {
                b.Error(null, null, $"{where}: expected an object with \"name\", got {FrameBuilder.Got(r.TokenType)}");
                r.Skip();
                continue;
            }

            string? name = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("name"u8))
                {
                    r.Read();
                    name = r.TokenType == JsonTokenType.String && r.ValueSpan.Length <= 64 ? r.GetString() : null;
                    r.Skip();
                }
                else if (r.ValueTextEquals("parameters"u8))
                {
                    r.Read();
                    ExpectObjectOrNull(ref r, b, where + ".parameters");
                }
                else
                {
                    var key = PropertyText(ref r);
                    r.Read();
                    r.Skip();
                    b.Error(null, null, $"{where}: unknown field {key}; allowed: \"name\", \"parameters\"");
                }
            }

            if (name is null || !KServeOutputNames.Contains(name))
            {
                b.Error(null, null, $"{where}.name: {(name is null ? "missing or not a string" : $"unknown output \"{name}\"")}; outputs: {string.Join(", ", KServeOutputNames.Select(n => $"\"{n}\""))}");
            }
            else if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void ExpectObjectOrNull(ref Utf8JsonReader r, FrameBuilder b, string where)
    {
        if (r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
        {
            b.Error(null, null, $"{where}: expected an object, got {FrameBuilder.Got(r.TokenType)}");
        }

        r.Skip();
    }

    private sealed record Tensor(int Position, string Name, long[] Shape, string Datatype, V2Type Type, long DataAt);

    private enum V2Type
    {
        Bool,
        Int8,
        Int16,
        Int32,
        Int64,
        UInt8,
        UInt16,
        UInt32,
        UInt64,
        Fp32,
        Fp64,
        Bytes,
    }
}
