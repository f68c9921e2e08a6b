namespace Vigil.Server.Metrics;

/// <summary>
/// What a prediction endpoint tells the request metrics about the request it answered: the model, version and variant
/// (set on <c>HttpContext.Features</c>; requests that touch no model leave it unset and are labelled with empty values).
/// </summary>
public sealed class ServingRequestFeature
{
    /// <summary>The served model's name.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>The version that answered ("file" for a file model).</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>The routing variant that answered (primary, canary, a, b).</summary>
    public string Variant { get; set; } = string.Empty;
}
