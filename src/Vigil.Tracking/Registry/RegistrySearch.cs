namespace Vigil.Tracking.Registry;

/// <summary>
/// A search over registered models (MLflow <c>registered-models/search</c>): filter on <c>name</c> (=, !=, LIKE, ILIKE, IN)
/// and <c>tags.&lt;key&gt;</c>; order by <c>name</c>, <c>creation_timestamp</c>, <c>last_updated_timestamp</c> (default <c>name ASC</c>).
/// </summary>
/// <param name="Filter">A filter expression, or null/empty for all.</param>
/// <param name="MaxResults">Page size, 1..50,000 (MLflow's default 100).</param>
/// <param name="OrderBy">Order-by clauses, or null for the default.</param>
/// <param name="PageToken">The previous page's token, or null.</param>
public sealed record RegisteredModelSearch(
    string? Filter = null, int MaxResults = 100, IReadOnlyList<string>? OrderBy = null, string? PageToken = null);

/// <summary>
/// A search over model versions (MLflow <c>model-versions/search</c>): filter on <c>name</c>, <c>run_id</c>, <c>source_path</c>,
/// <c>current_stage</c> (string operators), <c>version_number</c> (numeric) and <c>tags.&lt;key&gt;</c>, e.g. <c>name='x'</c> or
/// <c>run_id IN ('a','b')</c>; order by <c>name</c>, <c>version_number</c>, <c>creation_timestamp</c>, <c>last_updated_timestamp</c>
/// (default <c>name ASC, version_number DESC</c>).
/// </summary>
/// <param name="Filter">A filter expression, or null/empty for all.</param>
/// <param name="MaxResults">Page size, 1..50,000.</param>
/// <param name="OrderBy">Order-by clauses, or null for the default.</param>
/// <param name="PageToken">The previous page's token, or null.</param>
public sealed record ModelVersionSearch(
    string? Filter = null, int MaxResults = 1000, IReadOnlyList<string>? OrderBy = null, string? PageToken = null);
