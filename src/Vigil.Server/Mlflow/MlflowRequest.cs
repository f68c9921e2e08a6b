using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Vigil.Server.Errors;
using Vigil.Tracking.Runs;

namespace Vigil.Server.Mlflow;

/// <summary>
/// The fields of one MLflow request, read the way MLflow's server reads them: GET from the query string, POST/PATCH/DELETE
/// from the JSON body (falling back to the query string when the body is empty). Values are typed leniently as protobuf's
/// JSON parser is (int64 as number or string, doubles as numbers or <c>"NaN"</c>/<c>"Infinity"</c>, enums by name), and every
/// mistake is a 400 <c>INVALID_PARAMETER_VALUE</c> naming the field; unparseable JSON is a 400 <c>MALFORMED_REQUEST</c>.
/// </summary>
internal sealed class MlflowRequest
{
    private readonly JsonElement? _body;
    private readonly IQueryCollection _query;

    private MlflowRequest(JsonElement? body, IQueryCollection query)
    {
        _body = body;
        _query = query;
    }

    /// <summary>Reads the request's fields.</summary>
    public static async Task<MlflowRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength == 0)
        {
            return new MlflowRequest(null, request.Query);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return new MlflowRequest(null, request.Query);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            var root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object
                ? new MlflowRequest(root, request.Query)
                : throw ApiError.Malformed($"The request body must be a JSON object, not {Describe(root.ValueKind)}.").ToException();
        }
        catch (JsonException ex)
        {
            throw ApiError.Malformed($"Malformed JSON body: {ex.Message}").ToException();
        }
    }

    /// <summary>A string field, or null when absent (numbers and booleans are accepted as their text).</summary>
    public string? String(string name)
    {
        if (_body is { } body)
        {
            return body.TryGetProperty(name, out var value) ? AsString(value, name) : null;
        }

        var values = _query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The first non-null of several aliases of a field (e.g. <c>run_id</c> and the deprecated <c>run_uuid</c>).</summary>
    public string? String(string name, string alias) => String(name) ?? String(alias);

    /// <summary>A required, non-empty string field.</summary>
    public string Required(string name) =>
        String(name) is { Length: > 0 } value ? value : throw Missing(name);

    /// <summary>A required run id from <c>run_id</c> or the deprecated <c>run_uuid</c>.</summary>
    public string RunId() =>
        String("run_id", "run_uuid") is { Length: > 0 } value ? value : throw Missing("run_id");

    /// <summary>An int64 field, or null when absent.</summary>
    public long? Long(string name) => _body is { } body
        ? body.TryGetProperty(name, out var value) ? AsLong(value, name) : null
        : _query[name] is { Count: > 0 } q ? ParseLong(q[0]!, name) : null;

    /// <summary>A required int64 field.</summary>
    public long RequiredLong(string name) => Long(name) ?? throw Missing(name);

    /// <summary>A double field, or null when absent.</summary>
    public double? Double(string name) => _body is { } body
        ? body.TryGetProperty(name, out var value) ? AsDouble(value, name) : null
        : _query[name] is { Count: > 0 } q ? ParseDouble(q[0]!, name) : null;

    /// <summary>A boolean field, or null when absent.</summary>
    public bool? Bool(string name)
    {
        string? text;
        if (_body is { } body)
        {
            if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        else
        {
            text = _query[name] is { Count: > 0 } q ? q[0] : null;
            if (text is null)
            {
                return null;
            }
        }

        return bool.TryParse(text, out var result) ? result : throw Invalid(name, "a boolean (true or false)");
    }

    /// <summary>A repeated string field (a JSON array, or repeated query keys); empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        if (_body is not { } body)
        {
            StringValues values = _query[name];
            return [.. values.Where(v => v is not null).Select(v => v!)];
        }

        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return [AsString(value, name) ?? string.Empty];
        }

        List<string> result = [];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            result.Add(AsString(item, $"{name}[{i}]") ?? throw Invalid($"{name}[{i}]", "a string"));
            i++;
        }

        return result;
    }

    /// <summary>A repeated message field: the JSON objects of an array (empty when absent or read from a query string).</summary>
    public IReadOnlyList<JsonElement> Objects(string name) => _body is { } body ? ObjectsOf(body, name, name) : [];

    /// <summary>A nested message field, or null when absent.</summary>
    public JsonElement? Object(string name) => _body is { } body ? ObjectOf(body, name, name) : null;

    /// <summary>A repeated <c>{key, value}</c> field such as <c>tags</c> (key required, value defaults to "").</summary>
    public IReadOnlyList<Tag> Tags(string name = "tags") => TagsOf(_body, name);

    /// <summary>The <c>{key, value}</c> pairs of an array in <paramref name="parent"/> (or of the body when null).</summary>
    public static IReadOnlyList<Tag> TagsOf(JsonElement? parent, string name, string? path = null)
    {
        if (parent is not { } element)
        {
            return [];
        }

        var where = path ?? name;
        var items = ObjectsOf(element, name, where);
        var tags = new Tag[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            tags[i] = new Tag(RequiredIn(item, "key", $"{where}[{i}]"), StringIn(item, "value", $"{where}[{i}]") ?? string.Empty);
        }

        return tags;
    }

    /// <summary>A string field of a nested object, or null.</summary>
    public static string? StringIn(JsonElement parent, string name, string where) =>
        parent.TryGetProperty(name, out var value) ? AsString(value, $"{where}.{name}") : null;

    /// <summary>A required, non-empty string field of a nested object.</summary>
    public static string RequiredIn(JsonElement parent, string name, string where) =>
        StringIn(parent, name, where) is { Length: > 0 } value ? value : throw Missing($"{where}.{name}");

    /// <summary>An int64 field of a nested object, or null.</summary>
    public static long? LongIn(JsonElement parent, string name, string where) =>
        parent.TryGetProperty(name, out var value) ? AsLong(value, $"{where}.{name}") : null;

    /// <summary>A double field of a nested object, or null.</summary>
    public static double? DoubleIn(JsonElement parent, string name, string where) =>
        parent.TryGetProperty(name, out var value) ? AsDouble(value, $"{where}.{name}") : null;

    /// <summary>A nested object of a nested object, or null.</summary>
    public static JsonElement? ObjectOf(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Invalid(where, "a JSON object");
    }

    /// <summary>The objects of an array field of <paramref name="parent"/>; empty when absent.</summary>
    public static IReadOnlyList<JsonElement> ObjectsOf(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(where, "a JSON array of objects");
        }

        List<JsonElement> result = [];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            result.Add(item.ValueKind == JsonValueKind.Object ? item : throw Invalid($"{where}[{i}]", "a JSON object"));
            i++;
        }

        return result;
    }

    /// <summary>The 400 for a missing required field, in MLflow's words.</summary>
    public static ApiException Missing(string name) =>
        ApiError.InvalidParameter($"Missing value for required parameter '{name}'. See the API docs for more information about request parameters.").ToException();

    /// <summary>The 400 for a field of the wrong type.</summary>
    public static ApiException Invalid(string name, string expected) =>
        ApiError.InvalidParameter($"Invalid value for parameter '{name}': expected {expected}.").ToException();

    private static string? AsString(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw Invalid(name, "a string"),
    };

    private static long? AsLong(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number when value.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => (long)d,
        JsonValueKind.String => ParseLong(value.GetString()!, name),
        _ => throw Invalid(name, "a 64-bit integer"),
    };

    private static double? AsDouble(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetDouble(out var d) => d,
        JsonValueKind.String => ParseDouble(value.GetString()!, name),
        _ => throw Invalid(name, "a number"),
    };

    private static long ParseLong(string text, string name) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(name, $"a 64-bit integer, got '{text}'");

    /// <summary>Parses a double as protobuf's JSON does: numbers, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> (also <c>inf</c>, case-insensitive).</summary>
    private static double ParseDouble(string text, string name)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (trimmed.Equals("infinity", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("+infinity", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("+inf", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        if (trimmed.Equals("-infinity", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("-inf", StringComparison.OrdinalIgnoreCase))
        {
            return double.NegativeInfinity;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Invalid(name, $"a number, got '{text}'");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
