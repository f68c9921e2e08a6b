namespace Vigil.Features.Spec;

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
