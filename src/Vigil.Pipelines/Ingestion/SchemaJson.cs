using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Data.Frames;

namespace Vigil.Pipelines.Ingestion;

/// <summary>Serializes a <see cref="FrameSchema"/> to the JSON stored with a dataset version (format version 1).</summary>
public static class SchemaJson
{
    /// <summary>The current format version written into every document.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The schema as JSON: <c>{"format_version":1,"columns":[{"name":...,"kind":"float64"},...]}</c>.</summary>
    public static string Serialize(FrameSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return JsonSerializer.Serialize(new Document(FormatVersion, [.. schema.Columns]), Options);
    }

    /// <summary>Reads a schema written by <see cref="Serialize"/>; rejects unknown future versions.</summary>
    public static FrameSchema Deserialize(string json)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Options)
            ?? throw new FormatException("Schema JSON is empty.");
        if (doc.FormatVersion > FormatVersion)
        {
            throw new FormatException($"Schema JSON has format version {doc.FormatVersion}; this Vigil reads up to {FormatVersion}.");
        }

        return new FrameSchema(doc.Columns ?? []);
    }

    private sealed record Document(int FormatVersion, ColumnSchema[]? Columns);
}
