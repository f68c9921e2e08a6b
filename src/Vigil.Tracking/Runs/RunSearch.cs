namespace Vigil.Tracking.Runs;

/// <summary>
/// A search over runs (MLflow <c>runs/search</c>). See <c>docs/tracking.md</c> for the filter grammar:
/// <c>metrics.f1 &gt; 0.8 and params.model = 'rf' and tags.team = 'x' and attributes.status = 'FINISHED'</c>.
/// Default order: <c>attributes.start_time DESC</c>, then run id.
/// </summary>
/// <param name="ExperimentIds">The experiments to search (at least one).</param>
/// <param name="Filter">A filter expression, or null/empty for all runs.</param>
/// <param name="RunViewType">Which lifecycle stages to return.</param>
/// <param name="MaxResults">Page size, 1..50,000 (MLflow's default 1000).</param>
/// <param name="OrderBy">Order-by clauses such as <c>metrics.f1 DESC</c>; null or empty for the default.</param>
/// <param name="PageToken">The token from the previous page of the same search, or null for the first page.</param>
public sealed record RunSearch(
    IReadOnlyList<string> ExperimentIds,
    string? Filter = null,
    ViewType RunViewType = ViewType.ActiveOnly,
    int MaxResults = 1000,
    IReadOnlyList<string>? OrderBy = null,
    string? PageToken = null);
