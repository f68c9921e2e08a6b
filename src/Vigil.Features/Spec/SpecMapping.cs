namespace Vigil.Features.Spec;

/// <summary>A mapping of scalar keys to nodes, in written order (repeated keys are kept so they can be reported).</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Entries">The entries in order.</param>
public sealed record SpecMapping(int Line, int Column, IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> Entries) : SpecNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => "a mapping";

    /// <summary>The value of the first entry with key <paramref name="key"/>, or null.</summary>
    public SpecNode? Find(string key) => Entries.FirstOrDefault(e => e.Key.Text == key).Value;
}
