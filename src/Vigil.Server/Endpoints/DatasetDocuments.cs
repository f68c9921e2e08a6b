using System.Globalization;
using System.Text.Json;
using Vigil.Pipelines.Ingestion;
using Vigil.Tracking.Datasets;

namespace Vigil.Server.Endpoints;

/// <summary>One column of a dataset's schema.</summary>
internal sealed record ColumnDocument(string Name, string Kind);

/// <summary>A dataset version as the API shows it; the same fields as <c>vigil datasets show --json</c>.</summary>
internal sealed record DatasetVersionDocument(
    string Name,
    int Version,
    string Reference,
    string Sha256,
    long Rows,
    long QuarantinedRows,
    int Columns,
    string? Target,
    string Source,
    string CreatedAt,
    IReadOnlyList<ColumnDocument> Schema,
    JsonElement? Profile)
{
    public static DatasetVersionDocument From(DatasetVersion v, bool withProfile)
    {
        var schema = SchemaJson.Deserialize(v.SchemaJson);
        JsonElement? profile = null;
        if (withProfile)
        {
            using var doc = JsonDocument.Parse(v.ProfileJson);
            profile = doc.RootElement.Clone();
        }

        return new DatasetVersionDocument(
            v.Name,
            v.Version,
            v.Reference,
            v.Sha256,
            v.RowCount,
            v.QuarantinedRowCount,
            v.ColumnCount,
            v.Target,
            v.Source,
            v.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            [.. schema.Columns.Select(c => new ColumnDocument(c.Name, c.Kind.ToString().ToLowerInvariant()))],
            profile);
    }
}

/// <summary>The answer of <c>GET /api/datasets</c>.</summary>
internal sealed record DatasetListDocument(IReadOnlyList<DatasetVersionDocument> Datasets);

/// <summary>One rejected row of an upload: its line number in the file and why it was rejected.</summary>
internal sealed record QuarantinedRowDocument(long Line, string Reason);

/// <summary>The answer of <c>POST /api/datasets</c>: the version, whether it was reused, and the rows that were quarantined.</summary>
internal sealed record DatasetUploadDocument(
    DatasetVersionDocument Dataset,
    bool Reused,
    long QuarantinedRows,
    IReadOnlyList<QuarantinedRowDocument> Quarantined,
    bool QuarantinedTruncated,
    string? QuarantineFile,
    IReadOnlyList<string> Warnings);
