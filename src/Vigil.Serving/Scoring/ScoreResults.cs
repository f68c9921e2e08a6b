using System.Text.Json;
using Vigil.Serving.Inputs;

namespace Vigil.Serving.Scoring;

/// <summary>Helpers over <see cref="ScoreResult"/>: slicing, and writing it as JSON for the Vigil, MLflow and KServe V2 endpoints.</summary>
/// <remarks>Non-finite numbers (a model answering NaN) are written as JSON <c>null</c>, since JSON has no NaN.</remarks>
public static class ScoreResults
{
    /// <summary>The rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of <paramref name="result"/>.</summary>
    public static ScoreResult Slice(ScoreResult result, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, result.Rows, nameof(count));
        if (start == 0 && count == result.Rows)
        {
            return result;
        }

        var k = result.ClassNames?.Count ?? 0;
        return new ScoreResult(
            count,
            result.Labels is null ? null : [.. Range(result.Labels, start, count)],
            result.Values?.AsSpan(start, count).ToArray(),
            result.Probabilities?.AsSpan(start * k, count * k).ToArray(),
            result.ClassNames,
            result.Keys is null ? null : [.. Range(result.Keys, start, count)]);
    }

    /// <summary>
    /// Writes the predictions as a JSON array, one object per row: <c>{"prediction": label or value}</c>, plus
    /// <c>"probabilities": {"&lt;class&gt;": p, ...}</c> for classifiers and <c>"key": unit</c> for RUL models.
    /// </summary>
    public static void WritePredictions(Utf8JsonWriter writer, ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var k = result.ClassNames?.Count ?? 0;
        writer.WriteStartArray();
        for (var i = 0; i < result.Rows; i++)
        {
            writer.WriteStartObject();
            if (result.Keys is not null)
            {
                writer.WriteString("key"u8, result.Keys[i]);
            }

            writer.WritePropertyName("prediction"u8);
            WriteValue(writer, result, i);
            if (result.Probabilities is not null && result.ClassNames is not null)
            {
                writer.WriteStartObject("probabilities"u8);
                for (var j = 0; j < k; j++)
                {
                    writer.WritePropertyName(result.ClassNames[j]);
                    WriteNumber(writer, result.Probabilities[(i * k) + j]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the MLflow scoring answer <c>{"predictions": [label or value, ...]}</c>.</summary>
    public static void WriteMlflowResponse(Utf8JsonWriter writer, ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteStartArray("predictions"u8);
        for (var i = 0; i < result.Rows; i++)
        {
            WriteValue(writer, result, i);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a KServe V2 infer response: <c>model_name</c>, <c>model_version</c>, <c>id</c> (when given) and <c>outputs</c>:
    /// <c>predict</c> (BYTES labels for classifiers, FP64 values otherwise, shape [n]); for classifiers <c>probabilities</c>
    /// (FP64, shape [n, classes], with <c>parameters.class_names</c> holding the class labels in column order as a JSON
    /// array text, since V2 parameter values are scalars); for RUL models <c>keys</c> (BYTES unit ids, shape [n]).
    /// <paramref name="requestedOutputs"/> (the request's <c>outputs</c>) limits which are written; null writes all.
    /// </summary>
    public static void WriteKServeV2Response(Utf8JsonWriter writer, ScoreResult result, ModelIdentity identity, string? id = null, IReadOnlyList<string>? requestedOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(identity);
        var n = result.Rows;
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, identity.Name);
        writer.WriteString("model_version"u8, identity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }

        writer.WriteStartArray("outputs"u8);
        if (Wants(requestedOutputs, "predict"))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, "predict");
            WriteShape(writer, n);
            if (result.Labels is not null)
            {
                writer.WriteString("datatype"u8, "BYTES");
                writer.WriteStartArray("data"u8);
                foreach (var label in result.Labels)
                {
                    writer.WriteStringValue(label);
                }
            }
            else
            {
                writer.WriteString("datatype"u8, "FP64");
                writer.WriteStartArray("data"u8);
                for (var i = 0; i < n; i++)
                {
                    WriteNumber(writer, result.Values?[i] ?? double.NaN);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (result.Probabilities is not null && result.ClassNames is not null && Wants(requestedOutputs, "probabilities"))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, "probabilities");
            WriteShape(writer, n, result.ClassNames.Count);
            writer.WriteString("datatype"u8, "FP64");
            writer.WriteStartObject("parameters"u8);
            writer.WriteString("class_names"u8, JsonSerializer.Serialize(result.ClassNames, ScoringJsonContext.Default.IReadOnlyListString));
            writer.WriteEndObject();
            writer.WriteStartArray("data"u8);
            foreach (var p in result.Probabilities)
            {
                WriteNumber(writer, p);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (result.Keys is not null && Wants(requestedOutputs, "keys"))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, "keys");
            WriteShape(writer, n);
            writer.WriteString("datatype"u8, "BYTES");
            writer.WriteStartArray("data"u8);
            foreach (var key in result.Keys)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a validation failure as <c>{"error": "&lt;summary&gt;", "errors": [{"field", "row", "message"}, ...]}</c>.</summary>
    public static void WriteErrors(Utf8JsonWriter writer, InputValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(exception);
        writer.WriteStartObject();
        writer.WriteString("error"u8, exception.Message);
        writer.WriteStartArray("errors"u8);
        foreach (var e in exception.Errors)
        {
            writer.WriteStartObject();
            if (e.Field is not null)
            {
                writer.WriteString("field"u8, e.Field);
            }

            if (e.Row is { } row)
            {
                writer.WriteNumber("row"u8, row);
            }

            writer.WriteString("message"u8, e.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static bool Wants(IReadOnlyList<string>? requested, string name) => requested is null || requested.Count == 0 || requested.Contains(name);

    private static void WriteShape(Utf8JsonWriter writer, int rows, int? columns = null)
    {
        writer.WriteStartArray("shape"u8);
        writer.WriteNumberValue(rows);
        if (columns is { } c)
        {
            writer.WriteNumberValue(c);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, ScoreResult result, int row)
    {
        if (result.Labels is not null)
        {
            writer.WriteStringValue(result.Labels[row]);
        }
        else if (result.Values is not null)
        {
            WriteNumber(writer, result.Values[row]);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static IEnumerable<string> Range(IReadOnlyList<string> list, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return list[i];
        }
    }
}

/// <summary>Source-generated JSON metadata for the few values serialized whole.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class ScoringJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
