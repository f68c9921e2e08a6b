namespace Vigil.Features.Spec;

/// <summary>A located node of a parsed spec (JSON or YAML): a scalar, a sequence or a mapping, with its 1-based line and column.</summary>
/// <param name="Line">The 1-based line where the node starts.</param>
/// <param name="Column">The 1-based column where the node starts.</param>
public abstract record SpecNode(int Line, int Column)
{
    /// <summary>A short description of the node's type for error messages, e.g. "a list".</summary>
    public abstract string Describe();
}
