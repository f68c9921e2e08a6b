namespace Vigil.Tracking.Registry;

/// <summary>Who makes a registry change and why; recorded in the audit log with every entry the change appends.</summary>
/// <param name="Actor">The user or service (e.g. the authenticated user, <c>vigil-cli</c>).</param>
/// <param name="Reason">Why, optional (e.g. "rollback: p95 latency regression").</param>
public sealed record ChangeContext(string Actor, string? Reason = null)
{
    /// <summary>The context used when a caller gives none: actor <c>unknown</c>, no reason.</summary>
    public static ChangeContext Unknown { get; } = new("unknown");
}

/// <summary>The kinds of registry change recorded in the audit log.</summary>
public enum RegistryAction
{
    /// <summary>A registered model was created.</summary>
    CreateModel,

    /// <summary>A registered model was renamed (From = old name, To = new name).</summary>
    RenameModel,

    /// <summary>A registered model's description changed.</summary>
    UpdateModel,

    /// <summary>A registered model was deleted with its versions and aliases.</summary>
    DeleteModel,

    /// <summary>A registered model tag was set (Key = tag key).</summary>
    SetModelTag,

    /// <summary>A registered model tag was deleted.</summary>
    DeleteModelTag,

    /// <summary>A model version was created (To = source).</summary>
    CreateVersion,

    /// <summary>A model version's description changed.</summary>
    UpdateVersion,

    /// <summary>A model version was deleted.</summary>
    DeleteVersion,

    /// <summary>A model version changed stage (From/To = stage names); archiving by <c>archive_existing_versions</c> records one entry per archived version.</summary>
    TransitionStage,

    /// <summary>A model version tag was set.</summary>
    SetVersionTag,

    /// <summary>A model version tag was deleted.</summary>
    DeleteVersionTag,

    /// <summary>An alias was set or moved (Key = alias, From = previous version or null, To = new version).</summary>
    SetAlias,

    /// <summary>An alias was deleted (From = the version it pointed to).</summary>
    DeleteAlias,
}

/// <summary>One append-only audit record of a registry change; entries are never updated or deleted.</summary>
/// <param name="Sequence">Increasing number in commit order.</param>
/// <param name="Timestamp">When, Unix epoch milliseconds.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What kind of change.</param>
/// <param name="ModelName">The registered model (its name at the time of the change).</param>
/// <param name="Version">The model version concerned, or null for model-level changes.</param>
/// <param name="Key">The tag key or alias name, or null.</param>
/// <param name="From">The value before (stage, version, description, tag value...), or null.</param>
/// <param name="To">The value after, or null.</param>
/// <param name="Reason">Why, or null.</param>
public sealed record RegistryAuditEntry(
    long Sequence,
    long Timestamp,
    string Actor,
    RegistryAction Action,
    string ModelName,
    int? Version,
    string? Key,
    string? From,
    string? To,
    string? Reason);

/// <summary>A query of the audit log: optionally one model, newest first or oldest first, paged.</summary>
/// <param name="ModelName">Only entries for this model name, or null for all.</param>
/// <param name="MaxResults">Page size, 1..50,000.</param>
/// <param name="PageToken">The previous page's token, or null.</param>
public sealed record RegistryAuditQuery(string? ModelName = null, int MaxResults = 1000, string? PageToken = null);
