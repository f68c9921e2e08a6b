using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Data.Frames;

namespace Vigil.Serving.Logging;

/// <summary>One logged prediction: one output row of one scoring call, with the record it answered.</summary>
/// <param name="PredictionId">The id returned to the caller (see <see cref="PredictionIds"/>).</param>
/// <param name="Timestamp">When it was made (the id's time).</param>
/// <param name="Model">The registered model name.</param>
/// <param name="Version">The version that made it (0 for a model file).</param>
/// <param name="Variant">The routing variant (<c>primary</c>, <c>canary</c>, <c>a</c>, <c>b</c>, <c>shadow</c>).</param>
/// <param name="Shadow">True for a shadow prediction (recorded, not returned to the caller).</param>
/// <param name="Inputs">The record's field values by column: numbers as double, text as string, flags as bool, times as ISO-8601 strings, missing as null.</param>
/// <param name="Outputs">What the model answered.</param>
public sealed record PredictionLogEntry(
    string PredictionId,
    DateTimeOffset Timestamp,
    string Model,
    int Version,
    string Variant,
    bool Shadow,
    IReadOnlyDictionary<string, object?> Inputs,
    PredictionOutput Outputs)
{
    /// <summary>
    /// One entry per output row of <paramref name="result"/>, ids in row order. For tabular models (one output row per record) the
    /// inputs are the record's values; for RUL models (one row per unit) they are empty and <see cref="PredictionOutput.Key"/> names the unit.
    /// </summary>
    /// <exception cref="ArgumentException">The number of ids differs from the number of output rows.</exception>
    public static IReadOnlyList<PredictionLogEntry> FromScore(
        IReadOnlyList<PredictionId> ids, DataFrame records, ScoreResult result, ModelIdentity model, string variant, bool shadow)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(variant);
        if (ids.Count != result.Rows)
        {
            throw new ArgumentException($"{ids.Count} prediction ids for {result.Rows} output rows.", nameof(ids));
        }

        var perRecord = result.Keys is null && records.RowCount == result.Rows;
        var classes = result.ClassNames?.Count ?? 0;
        var entries = new PredictionLogEntry[result.Rows];
        for (var row = 0; row < result.Rows; row++)
        {
            var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (perRecord)
            {
                foreach (var column in records.Columns)
                {
                    inputs[column.Name] = column.IsMissing(row) ? null : column.GetValue(row);
                }
            }

            Dictionary<string, double>? probabilities = null;
            if (result.Probabilities is { } p && classes > 0)
            {
                probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
                for (var c = 0; c < classes; c++)
                {
                    probabilities[result.ClassNames![c]] = p[(row * classes) + c];
                }
            }

            var output = new PredictionOutput(result.Labels?[row], result.Values?[row], probabilities, result.Keys?[row]);
            entries[row] = new PredictionLogEntry(ids[row].Value, ids[row].Timestamp, model.Name, model.Version, variant, shadow, inputs, output);
        }

        return entries;
    }

    /// <summary>The JSONL line (without the newline): snake_case fields, null outputs omitted.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the entry as one JSON object.</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("prediction_id", PredictionId);
        writer.WriteString("timestamp", Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("model", Model);
        writer.WriteNumber("version", Version);
        writer.WriteString("variant", Variant);
        writer.WriteBoolean("shadow", Shadow);
        writer.WriteStartObject("inputs");
        foreach (var (name, value) in Inputs)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("outputs");
        if (Outputs.Label is not null)
        {
            writer.WriteString("label", Outputs.Label);
        }

        if (Outputs.Value is { } v)
        {
            WriteNumber(writer, "value", v);
        }

        if (Outputs.Probabilities is { } probabilities)
        {
            writer.WriteStartObject("probabilities");
            foreach (var (label, p) in probabilities)
            {
                WriteNumber(writer, label, p);
            }

            writer.WriteEndObject();
        }

        if (Outputs.Key is not null)
        {
            writer.WriteString("key", Outputs.Key);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Reads a line written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The line is not an entry; the message names the missing or wrong field.</exception>
    public static PredictionLogEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A prediction log entry must be a JSON object.");
            }

            var timestampText = RequiredString(root, "timestamp");
            if (!DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            {
                throw new FormatException($"\"timestamp\" '{timestampText}' is not an ISO-8601 time.");
            }

            var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (root.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in i.EnumerateObject())
                {
                    inputs[field.Name] = ReadValue(field.Value);
                }
            }

            PredictionOutput outputs = new();
            if (root.TryGetProperty("outputs", out var o) && o.ValueKind == JsonValueKind.Object)
            {
                Dictionary<string, double>? probabilities = null;
                if (o.TryGetProperty("probabilities", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
                    foreach (var field in p.EnumerateObject())
                    {
                        probabilities[field.Name] = field.Value.ValueKind == JsonValueKind.Number ? field.Value.GetDouble() : double.NaN;
                    }
                }

                outputs = new PredictionOutput(
                    OptionalString(o, "label"),
                    o.TryGetProperty("value", out var v) ? v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN : null,
                    probabilities,
                    OptionalString(o, "key"));
            }

            return new PredictionLogEntry(
                RequiredString(root, "prediction_id"),
                timestamp,
                RequiredString(root, "model"),
                root.TryGetProperty("version", out var version) && version.TryGetInt32(out var number) ? number : throw new FormatException("\"version\" is missing or not an integer."),
                RequiredString(root, "variant"),
                root.TryGetProperty("shadow", out var shadow) && shadow.ValueKind == JsonValueKind.True,
                inputs,
                outputs);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a JSON prediction log entry: {ex.Message}", ex);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case int n:
                writer.WriteNumberValue(n);
                break;
            case long n:
                writer.WriteNumberValue(n);
                break;
            case DateTime t:
                writer.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset t:
                writer.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static object? ReadValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => value.GetRawText(),
    };

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"\"{name}\" is missing or not a string.");

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>What a model answered for one row.</summary>
/// <param name="Label">Classification: the predicted label.</param>
/// <param name="Value">Regression and RUL: the predicted value.</param>
/// <param name="Probabilities">Classification: the probability of each class label.</param>
/// <param name="Key">RUL: the unit the row answers for.</param>
public sealed record PredictionOutput(
    string? Label = null,
    double? Value = null,
    IReadOnlyDictionary<string, double>? Probabilities = null,
    string? Key = null);
