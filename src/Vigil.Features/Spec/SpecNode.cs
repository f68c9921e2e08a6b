namespace Vigil.Features.Spec;

/// <summary>A located node of a parsed spec (JSON or YAML): a scalar, a sequence or a mapping, with its 1-based line and column.</summary>
/// <param name="Line">The 1-based line where the node starts.</param>
/// <param name="Column">The 1-based column where the node starts.</param>
public abstract record SpecNode(int Line, int Column)
{
    /// <summary>A short description of the node's type for error messages, e.g. "a list".</summary>
    public abstract string Describe();
}

/// <summary>The type a scalar was written as: a YAML plain scalar is typed by the YAML 1.2 core schema, a JSON token by its syntax.</summary>
public enum SpecScalarType
{
    /// <summary>Text (quoted, or plain text that is no other type).</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null, ~ or empty.</summary>
    Null,
}

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

/// <summary>A list of nodes.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Items">The items in order.</param>
public sealed record SpecSequence(int Line, int Column, IReadOnlyList<SpecNode> Items) : SpecNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => "a list";
}

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
