namespace Vigil.Tracking.Registry;

/// <summary>
/// Registered models, their versions, aliases and legacy stages, with MLflow REST API 2.0 semantics. Every change is
/// one transaction that also appends <see cref="RegistryAuditEntry"/> rows (who = <see cref="ChangeContext.Actor"/>, why =
/// <see cref="ChangeContext.Reason"/>; null context = <see cref="ChangeContext.Unknown"/>). Errors are <see cref="TrackingException"/>s.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Creates a registered model; a used name is <see cref="TrackingErrorCode.ResourceAlreadyExists"/>.</summary>
    Task<RegisteredModel> CreateRegisteredModelAsync(
        string name, string? description = null, IReadOnlyDictionary<string, string>? tags = null,
        ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>The registered model with its tags, aliases and latest version per stage.</summary>
    Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Renames a registered model; its versions, tags and aliases follow.</summary>
    Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Sets a registered model's description.</summary>
    Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a registered model with all its versions, tags and aliases (the audit log keeps its history).</summary>
    Task DeleteRegisteredModelAsync(string name, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>One page of registered models matching the search.</summary>
    Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(RegisteredModelSearch search, CancellationToken cancellationToken = default);

    /// <summary>Sets a registered model tag.</summary>
    Task SetRegisteredModelTagAsync(string name, string key, string value, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a registered model tag; a missing key is <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Task DeleteRegisteredModelTagAsync(string name, string key, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>The newest version in each of <paramref name="stages"/> (all stages when null or empty), ordered by version.</summary>
    Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(
        string name, IReadOnlyList<ModelStage>? stages = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the next version (1 + the highest number ever assigned for the model), stage None, status READY.</summary>
    Task<ModelVersion> CreateModelVersionAsync(NewModelVersion version, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>The model version.</summary>
    Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default);

    /// <summary>Sets a model version's description.</summary>
    Task<ModelVersion> UpdateModelVersionAsync(
        string name, int version, string? description, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes one version and the aliases pointing to it; other versions are untouched and its number is not reused.</summary>
    Task DeleteModelVersionAsync(string name, int version, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a version to <paramref name="stage"/>. With <paramref name="archiveExistingVersions"/> (allowed only for Staging and
    /// Production) every other version currently in that stage moves to Archived in the same transaction.
    /// </summary>
    Task<ModelVersion> TransitionModelVersionStageAsync(
        string name, int version, ModelStage stage, bool archiveExistingVersions,
        ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Sets a model version tag.</summary>
    Task SetModelVersionTagAsync(
        string name, int version, string key, string value, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a model version tag; a missing key is <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Task DeleteModelVersionTagAsync(string name, int version, string key, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>One page of model versions matching the search.</summary>
    Task<Page<ModelVersion>> SearchModelVersionsAsync(ModelVersionSearch search, CancellationToken cancellationToken = default);

    /// <summary>Points an alias at a version, creating it or moving it from another version.</summary>
    Task SetAliasAsync(string name, string alias, int version, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an alias; a missing alias is <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Task DeleteAliasAsync(string name, string alias, ChangeContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>The version an alias points to (MLflow <c>registered-models/alias</c> GET).</summary>
    Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default);

    /// <summary>One page of the audit log in commit order (oldest first).</summary>
    Task<Page<RegistryAuditEntry>> GetAuditLogAsync(RegistryAuditQuery query, CancellationToken cancellationToken = default);
}
