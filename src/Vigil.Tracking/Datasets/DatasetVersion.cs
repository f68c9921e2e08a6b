namespace Vigil.Tracking.Datasets;

/// <summary>One immutable, registered version of a named dataset.</summary>
/// <param name="Name">The dataset name.</param>
/// <param name="Version">The version number, 1 for the first registration of a name.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the ingested file's bytes.</param>
/// <param name="RowCount">Rows accepted into the frame.</param>
/// <param name="QuarantinedRowCount">Rows rejected into the quarantine file.</param>
/// <param name="ColumnCount">Number of columns.</param>
/// <param name="SchemaJson">The inferred schema as JSON.</param>
/// <param name="ProfileJson">The data profile as JSON.</param>
/// <param name="Source">Where the data came from (a file path, URL or topic).</param>
/// <param name="ContentKey">The key of the stored content in the content store.</param>
/// <param name="Target">The declared target column, if any.</param>
/// <param name="CreatedAt">When the version was registered (UTC, millisecond precision).</param>
public sealed record DatasetVersion(
    string Name,
    int Version,
    string Sha256,
    long RowCount,
    long QuarantinedRowCount,
    int ColumnCount,
    string SchemaJson,
    string ProfileJson,
    string Source,
    string ContentKey,
    string? Target,
    DateTimeOffset CreatedAt)
{
    /// <summary>The reference "name@version".</summary>
    public string Reference => $"{Name}@{Version}";
}
