namespace Vigil.Features.Spec;

/// <summary>A list of nodes.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Items">The items in order.</param>
public sealed record SpecSequence(int Line, int Column, IReadOnlyList<SpecNode> Items) : SpecNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => "a list";
}
