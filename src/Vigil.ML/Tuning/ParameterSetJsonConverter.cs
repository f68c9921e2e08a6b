using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.ML.Tuning;

/// <summary>
/// Writes a parameter set as a JSON object in order with names verbatim; doubles always carry a decimal point or
/// exponent (<c>1.0</c>, not <c>1</c>) so that reading tells ints from doubles.
/// </summary>
internal sealed class ParameterSetJsonConverter : JsonConverter<ParameterSet>
{
    public override ParameterSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A parameter set must be a JSON object.");
        }

        var pairs = new List<KeyValuePair<string, object>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? throw new JsonException("A parameter needs a name.");
            reader.Read();
            object value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number when reader.ValueSpan.IndexOfAny("."u8) < 0 && reader.ValueSpan.IndexOfAny("eE"u8) < 0 => reader.GetInt32(),
                JsonTokenType.Number => reader.GetDouble(),
                _ => throw new JsonException($"Parameter '{name}' must be a number or a string."),
            };
            pairs.Add(KeyValuePair.Create(name, value));
        }

        return new ParameterSet(pairs);
    }

    public override void Write(Utf8JsonWriter writer, ParameterSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, v) in value)
        {
            writer.WritePropertyName(name);
            switch (v)
            {
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case double d:
                    var text = d.ToString("R", CultureInfo.InvariantCulture);
                    writer.WriteRawValue(text.AsSpan().IndexOfAny(".eE") < 0 ? text + ".0" : text);
                    break;
                default:
                    writer.WriteStringValue((string)v);
                    break;
            }
        }

        writer.WriteEndObject();
    }
}
