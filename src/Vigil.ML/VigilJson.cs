using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.ML;

/// <summary>The one JSON configuration for model metadata: camelCase, enums as text, NaN and infinities allowed.</summary>
internal static class VigilJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string SerializeOptions(object options) => JsonSerializer.Serialize(options, options.GetType(), Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
