namespace Vigil.ML.Encoding;

/// <summary>Which columns of a training frame a <see cref="TabularEncoder"/> must leave out.</summary>
public sealed record TabularEncoderOptions
{
    /// <summary>The target column, never encoded as a feature; null when there is none.</summary>
    public string? Target { get; init; }

    /// <summary>Further columns to leave out (identifiers, leaking columns); each must exist in the training frame. Default none.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
