namespace Vigil.Tracking.Runs;

/// <summary>A run's metadata (MLflow <c>RunInfo</c>).</summary>
/// <param name="RunId">32 lowercase hex characters, assigned by the store.</param>
/// <param name="ExperimentId">The experiment the run belongs to.</param>
/// <param name="RunName">The run's display name (mirrored in the <c>mlflow.runName</c> tag).</param>
/// <param name="UserId">Who created the run.</param>
/// <param name="Status">The execution status.</param>
/// <param name="StartTime">When the run started, Unix epoch milliseconds.</param>
/// <param name="EndTime">When it ended, Unix epoch milliseconds, or null while unfinished.</param>
/// <param name="ArtifactUri">The root URI of the run's artifacts: <c>&lt;experiment artifact location&gt;/&lt;run id&gt;/artifacts</c>.</param>
/// <param name="LifecycleStage">Active or soft-deleted.</param>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    LifecycleStage LifecycleStage);
