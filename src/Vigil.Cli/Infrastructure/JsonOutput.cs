using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Cli;

/// <summary>Writes the single JSON document a command prints under --json.</summary>
public static class JsonOutput
{
    /// <summary>The serializer settings of every CLI document: snake_case keys, indented, NaN written as null.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new NonFiniteAsNullConverter() },
    };

    /// <summary>Serializes <paramref name="document"/> to the console's stdout followed by a newline.</summary>
    public static async Task WriteAsync<T>(CliConsole console, T document)
    {
        ArgumentNullException.ThrowIfNull(console);
        await console.Out.WriteLineAsync(JsonSerializer.Serialize(document, Options)).ConfigureAwait(false);
        await console.Out.FlushAsync().ConfigureAwait(false);
    }

    private sealed class NonFiniteAsNullConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
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
    }
}
