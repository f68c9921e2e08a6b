namespace Vigil.Tracking.Experiments;

/// <summary>
/// A search over experiments (MLflow <c>experiments/search</c>). The filter accepts <c>name</c> / <c>attributes.name</c>
/// (=, !=, LIKE, ILIKE, IN, NOT IN), <c>creation_time</c> and <c>last_update_time</c> (numeric comparisons) and
/// <c>tags.&lt;key&gt;</c>; order by <c>name</c>, <c>experiment_id</c>, <c>creation_time</c>, <c>last_update_time</c>
/// (default <c>creation_time DESC, experiment_id ASC</c>).
/// </summary>
/// <param name="Filter">A filter expression, or null/empty for all.</param>
/// <param name="ViewType">Which lifecycle stages to return.</param>
/// <param name="MaxResults">Page size, 1..50,000.</param>
/// <param name="OrderBy">Order-by clauses such as <c>name ASC</c>; null or empty for the default.</param>
/// <param name="PageToken">The token from a previous page of the same search, or null for the first page.</param>
public sealed record ExperimentSearch(
    string? Filter = null,
    ViewType ViewType = ViewType.ActiveOnly,
    int MaxResults = 1000,
    IReadOnlyList<string>? OrderBy = null,
    string? PageToken = null);
