using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Rul;
using Vigil.Serving.Inputs;
using Vigil.Serving.Scoring;

namespace Vigil.Serving;

/// <summary>Wraps a loaded model object (from <c>ModelFile.LoadAny</c>) as an <see cref="IServedModel"/> and warms it.</summary>
public static class ServedModels
{
    /// <summary>The <see cref="IServedModel.Kind"/> of a served <see cref="TabularClassifier"/>.</summary>
    public const string ClassifierKind = "classifier";

    /// <summary>The <see cref="IServedModel.Kind"/> of a served <see cref="TabularRegressor"/>.</summary>
    public const string RegressorKind = "regressor";

    /// <summary>The <see cref="IServedModel.Kind"/> of a served <see cref="RulModel"/>.</summary>
    public const string RulKind = "rul";

    /// <summary>
    /// Wraps <paramref name="model"/> (a TabularClassifier, TabularRegressor or RulModel) and runs one warm-up score on a
    /// synthetic record so the first real request pays no first-call cost. Unsupported model kinds throw <see cref="NotSupportedException"/>.
    /// </summary>
    /// <remarks>
    /// The warm-up request is <see cref="SampleRequest"/> decoded by <see cref="InputDecoder.DecodeRecords"/> and scored, so
    /// the decoder is warmed too. A failing warm-up throws <see cref="InvalidOperationException"/> naming the model.
    /// </remarks>
    public static IServedModel Create(object model, ModelIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(identity);
        IServedModel served = model switch
        {
            TabularClassifier or TabularRegressor => new TabularServedModel((ITabularModel)model, identity),
            RulModel rul => new RulServedModel(rul, identity),
            _ => throw new NotSupportedException(
                $"Model '{identity.Name}' is a {model.GetType().FullName}; serving supports TabularClassifier, TabularRegressor and RulModel."),
        };
        WarmUp(served);
        return served;
    }

    /// <summary>
    /// A valid Vigil request body (<c>{"records": [...]}</c>) built from the model's schema: numbers 0 (RUL sensors: the
    /// scaler's minimum), the first category, false, 2000-01-01T00:00:00Z, empty strings; for a RUL model, one full window of unit 1.
    /// </summary>
    public static byte[] SampleRequest(IServedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var schema = RecordSchema.For(model);
        var rul = (model as RulServedModel)?.Model;
        var rows = rul?.WindowOptions.WindowLength ?? 1;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            for (var r = 0; r < rows; r++)
            {
                w.WriteStartObject();
                foreach (var f in schema.Fields)
                {
                    w.WritePropertyName(f.Name);
                    if (rul is not null)
                    {
                        var sensor = rul.Scaler.Columns.ToList().IndexOf(f.Name);
                        w.WriteNumberValue(f.Name == rul.Columns.Group ? 1
                            : f.Name == rul.Columns.Time ? r + 1
                            : sensor >= 0 ? rul.Scaler.Min[sensor] : 0);
                        continue;
                    }

                    switch (f.Kind)
                    {
                        case ColumnKind.Float64:
                            w.WriteNumberValue(0);
                            break;
                        case ColumnKind.Boolean:
                            w.WriteBooleanValue(false);
                            break;
                        case ColumnKind.Categorical:
                            w.WriteStringValue(f.Categories is { Count: > 0 } c ? c[0] : string.Empty);
                            break;
                        case ColumnKind.Timestamp:
                            w.WriteStringValue("2000-01-01T00:00:00Z");
                            break;
                        default:
                            w.WriteStringValue(string.Empty);
                            break;
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WarmUp(IServedModel model)
    {
        try
        {
            var request = new InputDecoder(RecordSchema.For(model)).DecodeRecords(SampleRequest(model));
            var result = model.Score(request.Frame);
            if (result.Rows < 1)
            {
                throw new InvalidOperationException("the warm-up record produced no prediction");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var id = model.Identity;
            throw new InvalidOperationException(
                $"Warm-up of model '{id.Name}' version {id.Version.ToString(CultureInfo.InvariantCulture)} ({model.Kind}, from {id.Source}) failed: {ex.Message}", ex);
        }
    }
}
