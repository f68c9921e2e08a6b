using ContentKeys = Vigil.Tracking.Content.ContentKey;

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
    string? Target)
{
    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid field; stores call this before writing.</summary>
    public void ThrowIfInvalid()
    {
        List<string> errors = [];
        if (Name is null || !DatasetReference.IsValidName(Name))
        {
            errors.Add($"name '{Name}' must be 1-128 letters, digits, '-', '_' or '.'");
        }

        if (!ContentKeys.IsValid(Sha256))
        {
            errors.Add($"sha256 '{Sha256}' must be 64 lowercase hex characters");
        }

        if (!ContentKeys.IsValid(ContentKey))
        {
            errors.Add($"content key '{ContentKey}' must be 64 lowercase hex characters");
        }

        if (RowCount < 0 || QuarantinedRowCount < 0 || ColumnCount < 0)
        {
            errors.Add($"row, quarantined-row and column counts must be non-negative (got {RowCount}, {QuarantinedRowCount}, {ColumnCount})");
        }

        if (SchemaJson is null || ProfileJson is null || Source is null)
        {
            errors.Add("schema JSON, profile JSON and source are required");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid dataset version: {string.Join("; ", errors)}.");
        }
    }
}
