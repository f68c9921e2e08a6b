namespace Vigil.Tracking.Runs;

/// <summary>
/// A dataset a run consumed (MLflow <c>Dataset</c>); unique per experiment by (name, digest), so the same
/// dataset logged by many runs is stored once and links them for lineage.
/// </summary>
/// <param name="Name">The dataset name.</param>
/// <param name="Digest">A content hash or fingerprint (e.g. the SHA-256 of the bytes).</param>
/// <param name="SourceType">What kind of source, e.g. <c>local</c>, <c>http</c>, <c>vigil</c>.</param>
/// <param name="Source">Where it came from (a path, URI or JSON source descriptor).</param>
/// <param name="Schema">The schema as JSON, optional.</param>
/// <param name="Profile">The profile as JSON, optional.</param>
/// <param name="Version">A version label (e.g. the Vigil dataset version "3"), optional; a Vigil extension to MLflow's shape.</param>
public sealed record Dataset(
    string Name,
    string Digest,
    string SourceType,
    string Source,
    string? Schema = null,
    string? Profile = null,
    string? Version = null);

/// <summary>A dataset linked to a run, with tags about the use (e.g. <c>mlflow.data.context</c> = <c>training</c>).</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Tags">Input tags by key.</param>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyDictionary<string, string> Tags);
