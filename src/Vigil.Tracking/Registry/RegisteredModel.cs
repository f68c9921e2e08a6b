namespace Vigil.Tracking.Registry;

/// <summary>A named model with numbered versions (MLflow <c>RegisteredModel</c>).</summary>
/// <param name="Name">The unique name.</param>
/// <param name="CreationTimestamp">When it was created, Unix epoch milliseconds.</param>
/// <param name="LastUpdatedTimestamp">When it or one of its versions, tags or aliases last changed, Unix epoch milliseconds.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="Tags">Tags by key.</param>
/// <param name="Aliases">Its aliases with the version each points to, ordered by alias.</param>
/// <param name="LatestVersions">The newest version in each stage that has one (MLflow <c>latest_versions</c>), ordered by version.</param>
public sealed record RegisteredModel(
    string Name,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<ModelAlias> Aliases,
    IReadOnlyList<ModelVersion> LatestVersions);

/// <summary>A named pointer from an alias (e.g. <c>champion</c>) to one version of a registered model.</summary>
/// <param name="Alias">The alias name.</param>
/// <param name="Version">The version it points to.</param>
public sealed record ModelAlias(string Alias, int Version);
