namespace Vigil.Tracking.Datasets;

/// <summary>What a caller supplies to register a dataset version; the store assigns the number and time.</summary>
/// <param name="Name">The dataset name.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the content.</param>
/// <param name="RowCount">Rows accepted.</param>
/// <param name="QuarantinedRowCount">Rows quarantined.</param>
/// <param name="ColumnCount">Number of columns.</param>
/// <param name="SchemaJson">The schema as JSON.</param>
/// <param name="ProfileJson">The profile as JSON.</param>
/// <param name="Source">Where the data came from.</param>
/// <param name="ContentKey">The key of the stored content.</param>
/// <param name="Target">The declared target column, if any.</param>
public sealed record NewDatasetVersion(
    string Name,
    string Sha256,
    long RowCount,
    long QuarantinedRowCount,
    int ColumnCount,
    string SchemaJson,
    string ProfileJson,
    string Source,
    string ContentKey,
    string? Target);
