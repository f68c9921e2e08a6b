namespace Vigil.Tracking.Experiments;

/// <summary>A named group of runs (MLflow <c>Experiment</c>).</summary>
/// <param name="ExperimentId">The store-assigned id: a decimal integer as a string; "0" is the always-present <c>Default</c> experiment.</param>
/// <param name="Name">The unique name (unique across active and deleted experiments).</param>
/// <param name="ArtifactLocation">The root URI of the experiment's artifacts; runs store theirs under <c>&lt;location&gt;/&lt;run id&gt;/artifacts</c>.</param>
/// <param name="LifecycleStage">Active or soft-deleted.</param>
/// <param name="CreationTime">When it was created, Unix epoch milliseconds.</param>
/// <param name="LastUpdateTime">When it was last renamed, tagged, deleted or restored, Unix epoch milliseconds.</param>
/// <param name="Tags">Its tags by key (ordinal key order).</param>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    LifecycleStage LifecycleStage,
    long CreationTime,
    long LastUpdateTime,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The id of the experiment every store creates on first open, named <see cref="DefaultName"/>.</summary>
    public const string DefaultId = "0";

    /// <summary>The name of the default experiment.</summary>
    public const string DefaultName = "Default";
}
