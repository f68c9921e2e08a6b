using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Data.Internal;

/// <summary>The one JSON convention for Vigil.Data reports: snake_case names and enum values, indented, missing numbers as null.</summary>
internal static class ReportJson
{
    /// <summary>Shared, immutable serializer options (frozen on first use by System.Text.Json).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.Strict,

            // Reports are files and API bodies, never embedded in HTML: keep quotes and '<' readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
