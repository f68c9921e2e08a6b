namespace Vigil.Tracking.Registry;

/// <summary>
/// One version of a registered model (MLflow <c>ModelVersion</c>). <see cref="Version"/> is an integer here; the
/// REST layer exposes it as a string as MLflow does.
/// </summary>
/// <param name="Name">The registered model's name.</param>
/// <param name="Version">1, 2, 3... per model; numbers are never reused, even after a version is deleted.</param>
/// <param name="CreationTimestamp">When it was created, Unix epoch milliseconds.</param>
/// <param name="LastUpdatedTimestamp">When it was last changed, Unix epoch milliseconds.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="UserId">Who created it, or null.</param>
/// <param name="CurrentStage">The legacy stage.</param>
/// <param name="Source">The model's artifact URI (e.g. <c>runs:/&lt;run id&gt;/model</c> or the run's artifact URI plus a path).</param>
/// <param name="RunId">The run that produced it, or null.</param>
/// <param name="RunLink">A link to the run, or null.</param>
/// <param name="Status">The registration status.</param>
/// <param name="StatusMessage">Details of the status, or null.</param>
/// <param name="Tags">Tags by key.</param>
/// <param name="Aliases">The aliases pointing at this version, ordered.</param>
/// <param name="Signature">The input schema/signature as JSON, or null.</param>
/// <param name="Metrics">A snapshot of evaluation metrics at registration, or null.</param>
public sealed record ModelVersion(
    string Name,
    int Version,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string? Description,
    string? UserId,
    ModelStage CurrentStage,
    string Source,
    string? RunId,
    string? RunLink,
    ModelVersionStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Aliases,
    string? Signature,
    IReadOnlyDictionary<string, double>? Metrics);

/// <summary>What a caller supplies to create a model version (MLflow <c>model-versions/create</c>); the store assigns the number.</summary>
/// <param name="Name">The registered model; it must exist.</param>
/// <param name="Source">The model's artifact URI.</param>
/// <param name="RunId">The producing run, optional.</param>
/// <param name="Description">A description, optional.</param>
/// <param name="Tags">Initial tags, optional.</param>
/// <param name="RunLink">A link to the run, optional.</param>
/// <param name="Signature">The input schema/signature as JSON, optional.</param>
/// <param name="Metrics">An evaluation metrics snapshot, optional (NaN and ±infinity allowed).</param>
public sealed record NewModelVersion(
    string Name,
    string Source,
    string? RunId = null,
    string? Description = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? RunLink = null,
    string? Signature = null,
    IReadOnlyDictionary<string, double>? Metrics = null);
