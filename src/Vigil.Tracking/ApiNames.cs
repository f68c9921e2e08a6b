using Vigil.Tracking.Registry;
using Vigil.Tracking.Runs;

namespace Vigil.Tracking;

/// <summary>
/// The MLflow wire spelling of the tracking enums (<c>RUNNING</c>, <c>active</c>, <c>ACTIVE_ONLY</c>, <c>Production</c>, <c>READY</c>)
/// and case-insensitive parsing that throws <see cref="TrackingErrorCode.InvalidParameterValue"/> naming the bad value.
/// </summary>
public static class ApiNames
{
    /// <summary><c>RUNNING</c>, <c>SCHEDULED</c>, <c>FINISHED</c>, <c>FAILED</c> or <c>KILLED</c>.</summary>
    public static string Format(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    /// <summary><c>active</c> or <c>deleted</c>.</summary>
    public static string Format(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Active => "active",
        LifecycleStage.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown lifecycle stage."),
    };

    /// <summary><c>ACTIVE_ONLY</c>, <c>DELETED_ONLY</c> or <c>ALL</c>.</summary>
    public static string Format(ViewType viewType) => viewType switch
    {
        ViewType.ActiveOnly => "ACTIVE_ONLY",
        ViewType.DeletedOnly => "DELETED_ONLY",
        ViewType.All => "ALL",
        _ => throw new ArgumentOutOfRangeException(nameof(viewType), viewType, "Unknown view type."),
    };

    /// <summary><c>None</c>, <c>Staging</c>, <c>Production</c> or <c>Archived</c>.</summary>
    public static string Format(ModelStage stage) => stage switch
    {
        ModelStage.None => "None",
        ModelStage.Staging => "Staging",
        ModelStage.Production => "Production",
        ModelStage.Archived => "Archived",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown model stage."),
    };

    /// <summary><c>PENDING_REGISTRATION</c>, <c>FAILED_REGISTRATION</c> or <c>READY</c>.</summary>
    public static string Format(ModelVersionStatus status) => status switch
    {
        ModelVersionStatus.PendingRegistration => "PENDING_REGISTRATION",
        ModelVersionStatus.FailedRegistration => "FAILED_REGISTRATION",
        ModelVersionStatus.Ready => "READY",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown model version status."),
    };

    /// <summary>Parses a run status (case-insensitive).</summary>
    public static RunStatus ParseRunStatus(string text) => Parse(text, "run status", Enum.GetValues<RunStatus>(), Format);

    /// <summary>Parses a lifecycle stage (case-insensitive).</summary>
    public static LifecycleStage ParseLifecycleStage(string text) => Parse(text, "lifecycle stage", Enum.GetValues<LifecycleStage>(), Format);

    /// <summary>Parses a view type (case-insensitive).</summary>
    public static ViewType ParseViewType(string text) => Parse(text, "view type", Enum.GetValues<ViewType>(), Format);

    /// <summary>Parses a model stage (case-insensitive, as MLflow accepts <c>production</c> for <c>Production</c>).</summary>
    public static ModelStage ParseModelStage(string text) => Parse(text, "model stage", Enum.GetValues<ModelStage>(), Format);

    /// <summary>Parses a model version status (case-insensitive).</summary>
    public static ModelVersionStatus ParseModelVersionStatus(string text) =>
        Parse(text, "model version status", Enum.GetValues<ModelVersionStatus>(), Format);

    private static T Parse<T>(string text, string what, T[] values, Func<T, string> format)
    {
        foreach (var value in values)
        {
            if (string.Equals(format(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw TrackingException.Invalid(
            $"Invalid {what} '{text}'; expected one of {string.Join(", ", values.Select(format))}.");
    }
}
