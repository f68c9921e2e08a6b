namespace Vigil.Data.Frames;

/// <summary>The declared shape of one column: its name, kind and optional constraints used by validation.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">The physical type.</param>
/// <param name="Min">The smallest allowed numeric value, if constrained.</param>
/// <param name="Max">The largest allowed numeric value, if constrained.</param>
/// <param name="Required">Whether a missing value is a violation.</param>
/// <param name="AllowedValues">The allowed categories, if constrained.</param>
public sealed record ColumnSchema(
    string Name,
    ColumnKind Kind,
    double? Min = null,
    double? Max = null,
    bool Required = false,
    IReadOnlyList<string>? AllowedValues = null);
