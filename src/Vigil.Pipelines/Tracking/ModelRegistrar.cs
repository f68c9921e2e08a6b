using Vigil.Tracking;
using Vigil.Tracking.Registry;

namespace Vigil.Pipelines.Tracking;

/// <summary>
/// Registers trained models as new versions of a registered model and moves aliases, recording who and why in the
/// registry's audit log. Promotion and rollback are alias moves (plus, optionally, the legacy Production stage).
/// </summary>
public sealed class ModelRegistrar
{
    /// <summary>The alias <c>promote</c> and <c>rollback</c> move by default.</summary>
    public const string DefaultAlias = "champion";

    private readonly IModelRegistry _registry;

    /// <summary>Creates a registrar over the registry.</summary>
    public ModelRegistrar(IModelRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>
    /// Creates the registered model when missing, adds a version for <paramref name="version"/> and, when
    /// <paramref name="alias"/> is given, points the alias at it; returns the new version (with its aliases).
    /// </summary>
    public async Task<ModelVersion> RegisterAsync(
        NewModelVersion version, string? alias, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await _registry.GetRegisteredModelAsync(version.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            try
            {
                await _registry.CreateRegisteredModelAsync(version.Name, context: context, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (TrackingException raced) when (raced.ErrorCode == TrackingErrorCode.ResourceAlreadyExists)
            {
                // Another writer created it first; use theirs.
            }
        }

        var created = await _registry.CreateModelVersionAsync(version, context, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(alias))
        {
            await _registry.SetAliasAsync(created.Name, alias, created.Version, context, cancellationToken).ConfigureAwait(false);
            created = await _registry.GetModelVersionAsync(created.Name, created.Version, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>
    /// Points <paramref name="alias"/> at <paramref name="version"/>; with <paramref name="production"/> also moves the version
    /// to the Production stage and archives the others in it. Returns the version the alias pointed at before (null when new).
    /// </summary>
    public async Task<int?> PromoteAsync(
        string name, int version, string alias, bool production, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(context);
        await _registry.GetModelVersionAsync(name, version, cancellationToken).ConfigureAwait(false);
        var before = await CurrentAliasTargetAsync(name, alias, cancellationToken).ConfigureAwait(false);
        await _registry.SetAliasAsync(name, alias, version, context, cancellationToken).ConfigureAwait(false);
        if (production)
        {
            await _registry.TransitionModelVersionStageAsync(name, version, ModelStage.Production, archiveExistingVersions: true, context, cancellationToken)
                .ConfigureAwait(false);
        }

        return before;
    }

    /// <summary>
    /// Moves <paramref name="alias"/> back to the version it pointed at before its last move, found in the audit log
    /// (skipping versions deleted since). Returns (from, to); throws <see cref="TrackingErrorCode.InvalidState"/> when the
    /// alias has no earlier version to go back to.
    /// </summary>
    public async Task<(int From, int To)> RollbackAsync(string name, string alias, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(context);
        var model = await _registry.GetRegisteredModelAsync(name, cancellationToken).ConfigureAwait(false);
        var current = model.Aliases.FirstOrDefault(a => a.Alias == alias)
            ?? throw TrackingException.NotFound($"Registered model '{name}' has no alias '{alias}'.");

        // Replay the alias's moves oldest first; the target is the newest earlier value that differs from the current one and
        // still exists. A rollback is itself a move, so rolling back twice returns to the newer version (an undo of the undo).
        var history = new List<int>();
        string? token = null;
        do
        {
            var page = await _registry.GetAuditLogAsync(new RegistryAuditQuery(name, 1000, token), cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items.Where(e => e.Key == alias))
            {
                if (entry.Action == RegistryAction.SetAlias && int.TryParse(entry.To, out var to))
                {
                    history.Add(to);
                }
            }

            token = page.NextPageToken;
        }
        while (token is not null);

        var existing = (await AllVersionsAsync(name, cancellationToken).ConfigureAwait(false)).ToHashSet();
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i] == current.Version)
            {
                continue;
            }

            if (existing.Contains(history[i]))
            {
                await _registry.SetAliasAsync(name, alias, history[i], context, cancellationToken).ConfigureAwait(false);
                return (current.Version, history[i]);
            }
        }

        throw TrackingException.InvalidState($"Alias '{alias}' of registered model '{name}' has no earlier version to roll back to (it points at version {current.Version}).");
    }

    private async Task<int?> CurrentAliasTargetAsync(string name, string alias, CancellationToken cancellationToken)
    {
        var model = await _registry.GetRegisteredModelAsync(name, cancellationToken).ConfigureAwait(false);
        return model.Aliases.FirstOrDefault(a => a.Alias == alias)?.Version;
    }

    private async Task<List<int>> AllVersionsAsync(string name, CancellationToken cancellationToken)
    {
        var versions = new List<int>();
        string? token = null;
        var filter = $"name = '{name.Replace("'", "''", StringComparison.Ordinal)}'";
        do
        {
            var page = await _registry.SearchModelVersionsAsync(new ModelVersionSearch(filter, 1000, null, token), cancellationToken).ConfigureAwait(false);
            versions.AddRange(page.Items.Select(v => v.Version));
            token = page.NextPageToken;
        }
        while (token is not null);

        return versions;
    }
}
