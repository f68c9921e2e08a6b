using Vigil.Data.Frames;

namespace Vigil.Serving.Inputs;

/// <summary>A decoded, validated request: the records as a frame matching the model's input schema, plus what the body said about itself.</summary>
/// <param name="Frame">The records, one row each, with exactly the schema's columns in schema order.</param>
/// <param name="Id">The request id the body carried (Vigil <c>"id"</c>, KServe V2 <c>"id"</c>), or null.</param>
/// <param name="Key">The routing key the body carried (Vigil <c>"key"</c>, for sticky A/B routing), or null.</param>
/// <param name="RequestedOutputs">KServe V2: the output names the request asked for (<c>"outputs"</c>), or null for all.</param>
public sealed record DecodedRequest(DataFrame Frame, string? Id = null, string? Key = null, IReadOnlyList<string>? RequestedOutputs = null);

/// <summary>The request body formats <see cref="InputDecoder"/> reads.</summary>
public enum InputFormat
{
    /// <summary>Vigil's own <c>{"records": [{...}, ...]}</c> (or one record as an object).</summary>
    Records,

    /// <summary>MLflow scoring server bodies: <c>dataframe_split</c>, <c>dataframe_records</c>, <c>instances</c> or <c>inputs</c>.</summary>
    Mlflow,

    /// <summary>A KServe V2 (Open Inference Protocol) infer request with typed tensors.</summary>
    KServeV2,
}
