namespace Vigil.Features.Spec;

/// <summary>A scalar value with its text as written.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Text">The text (for a boolean "true" or "false", for null empty).</param>
/// <param name="Type">The type it was written as.</param>
public sealed record SpecScalar(int Line, int Column, string Text, SpecScalarType Type) : SpecNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => Type switch
    {
        SpecScalarType.Null => "null",
        SpecScalarType.String => $"the text '{Text}'",
        _ => $"the {Type.ToString().ToLowerInvariant()} {Text}",
    };
}
