namespace Vigil.Tracking.Runs;

/// <summary>What a caller supplies to create a run (MLflow <c>runs/create</c>).</summary>
/// <param name="ExperimentId">The experiment; it must exist and be active.</param>
/// <param name="UserId">Who runs it; null records <c>""</c>.</param>
/// <param name="RunName">The display name; null falls back to the <c>mlflow.runName</c> tag, then to <c>run-&lt;first 8 hex of the id&gt;</c>.</param>
/// <param name="StartTime">Start, Unix epoch milliseconds; null uses the store's clock.</param>
/// <param name="Tags">Initial tags, optional.</param>
public sealed record NewRun(
    string ExperimentId,
    string? UserId = null,
    string? RunName = null,
    long? StartTime = null,
    IReadOnlyDictionary<string, string>? Tags = null);

/// <summary>A change to a run's status, end time or name (MLflow <c>runs/update</c>); null fields are left alone.</summary>
/// <param name="Status">The new status.</param>
/// <param name="EndTime">The end time, Unix epoch milliseconds.</param>
/// <param name="RunName">The new name (also updates the <c>mlflow.runName</c> tag).</param>
public sealed record RunUpdate(RunStatus? Status = null, long? EndTime = null, string? RunName = null);
