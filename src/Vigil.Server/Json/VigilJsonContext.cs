using System.Text.Json.Serialization;
using Vigil.Server.Endpoints;
using Vigil.Server.Errors;
using Vigil.Server.Hosting;

namespace Vigil.Server.Json;

/// <summary>
/// Source-generated JSON metadata for every document the server writes: snake_case names, nulls omitted. Add a
/// <c>[JsonSerializable]</c> line here for each new response or request type.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(HealthDocument))]
[JsonSerializable(typeof(DatasetVersionDocument))]
[JsonSerializable(typeof(DatasetListDocument))]
[JsonSerializable(typeof(DatasetUploadDocument))]
[JsonSerializable(typeof(V2ServerMetadata))]
[JsonSerializable(typeof(V2Live))]
[JsonSerializable(typeof(V2Ready))]
internal sealed partial class VigilJsonContext : JsonSerializerContext;
