namespace Vigil.Data.Frames;

/// <summary>The ordered column schemas of a frame or of a model's expected input.</summary>
/// <param name="Columns">The columns in order.</param>
public sealed record FrameSchema(IReadOnlyList<ColumnSchema> Columns)
{
    /// <summary>The schema of the named column, or null.</summary>
    public ColumnSchema? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Two schemas are equal when their columns are equal in order.</summary>
    public bool Equals(FrameSchema? other) => other is not null && Columns.SequenceEqual(other.Columns, ColumnSchemaComparer.Instance);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var c in Columns)
        {
            hash.Add(c.Name, StringComparer.Ordinal);
            hash.Add(c.Kind);
        }

        return hash.ToHashCode();
    }

    private sealed class ColumnSchemaComparer : IEqualityComparer<ColumnSchema>
    {
        public static readonly ColumnSchemaComparer Instance = new();

        public bool Equals(ColumnSchema? x, ColumnSchema? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Kind == y.Kind && x.Min == y.Min && x.Max == y.Max
            && x.Required == y.Required
            && (x.AllowedValues ?? []).SequenceEqual(y.AllowedValues ?? []);

        public int GetHashCode(ColumnSchema obj) => HashCode.Combine(obj.Name, obj.Kind);
    }
}
