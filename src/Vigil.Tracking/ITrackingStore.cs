using Vigil.Tracking.Experiments;
using Vigil.Tracking.Runs;

namespace Vigil.Tracking;

/// <summary>
/// Experiments, runs and everything logged to them, with MLflow REST API 2.0 semantics. Every write is one
/// transaction; errors are <see cref="TrackingException"/>s (missing entity → <see cref="TrackingErrorCode.ResourceDoesNotExist"/>,
/// bad input → <see cref="TrackingErrorCode.InvalidParameterValue"/>, duplicate name → <see cref="TrackingErrorCode.ResourceAlreadyExists"/>,
/// writing to a deleted run or experiment → <see cref="TrackingErrorCode.InvalidState"/>). Timestamps are Unix epoch milliseconds.
/// </summary>
public interface ITrackingStore
{
    /// <summary>Creates an experiment and returns its id; the artifact location defaults to <c>&lt;default artifact root&gt;/&lt;id&gt;</c>.</summary>
    Task<string> CreateExperimentAsync(
        string name, string? artifactLocation = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>The experiment with the id (active or deleted).</summary>
    Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default);

    /// <summary>The experiment with the exact name (active or deleted).</summary>
    Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>One page of experiments matching the search.</summary>
    Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearch search, CancellationToken cancellationToken = default);

    /// <summary>Renames an experiment; the new name must be unused.</summary>
    Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes an active experiment (its runs stay as they are; no new runs can be created in it).</summary>
    Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken = default);

    /// <summary>Restores a deleted experiment.</summary>
    Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken = default);

    /// <summary>Sets (or overwrites) a tag on an experiment.</summary>
    Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a tag from an experiment; a missing key is <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken = default);

    /// <summary>Creates a run with status RUNNING; the run, its tags and its name tag are written in one transaction.</summary>
    Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default);

    /// <summary>The run with its latest metrics, params, tags and inputs (active or deleted).</summary>
    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Updates status, end time and/or name and returns the new info.</summary>
    Task<RunInfo> UpdateRunAsync(string runId, RunUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes a run.</summary>
    Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Restores a deleted run.</summary>
    Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Logs a param: a new key is stored, the same value again is a no-op, a different value is <see cref="TrackingErrorCode.InvalidParameterValue"/>.</summary>
    Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Appends a metric value to the key's history and updates the latest-metric view.</summary>
    Task LogMetricAsync(string runId, Metric metric, CancellationToken cancellationToken = default);

    /// <summary>Sets (or overwrites) a run tag; <c>mlflow.runName</c> also renames the run.</summary>
    Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a run tag; a missing key is <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs metrics, params and tags in ONE transaction: either everything is stored or, when any element is invalid
    /// (including a param that conflicts with a stored value), nothing is. Logging an identical metric twice stores it once.
    /// </summary>
    Task LogBatchAsync(
        string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags,
        CancellationToken cancellationToken = default);

    /// <summary>Links datasets to a run (MLflow <c>runs/log-inputs</c>); a dataset already linked is updated with the new tags.</summary>
    Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default);

    /// <summary>Every value logged for the key, ordered by step, then timestamp; empty when the key was never logged.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken = default);

    /// <summary>One page of runs matching the search.</summary>
    Task<Page<Run>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default);
}
