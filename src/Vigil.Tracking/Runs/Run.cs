namespace Vigil.Tracking.Runs;

/// <summary>A run with its data and inputs (MLflow <c>Run</c>).</summary>
/// <param name="Info">The metadata.</param>
/// <param name="Data">Latest metrics, params and tags.</param>
/// <param name="Inputs">The dataset inputs, for lineage.</param>
public sealed record Run(RunInfo Info, RunData Data, IReadOnlyList<DatasetInput> Inputs);

/// <summary>A run's logged data (MLflow <c>RunData</c>).</summary>
/// <param name="Metrics">The latest value of each metric key (highest step, then latest timestamp), ordered by key.</param>
/// <param name="Params">Params by key (ordinal key order).</param>
/// <param name="Tags">Tags by key (ordinal key order).</param>
public sealed record RunData(
    IReadOnlyList<Metric> Metrics,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags);
