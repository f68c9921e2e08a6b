using Vigil.Serving.Hosting;
using Vigil.Tracking;
using Vigil.Tracking.Registry;

namespace Vigil.Serving.Routing;

/// <summary>
/// Reads and writes a registered model's <see cref="RoutingSpec"/> as its <c>vigil.routing</c> tag (snake_case JSON). Every
/// server polling the same store applies a change on its next refresh, so <c>vigil deploy pdm --canary challenger:10</c>
/// from the CLI changes running servers within one poll interval. Writes are audited like any registry change.
/// </summary>
public sealed class RoutingStore
{
    /// <summary>The registered model tag holding the routing spec.</summary>
    public const string Tag = "vigil.routing";

    private readonly IModelRegistry _registry;

    /// <summary>Creates a store over the registry.</summary>
    public RoutingStore(IModelRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>The model's routing; <see cref="RoutingSpec.None"/> when it has none. A missing model is a <see cref="TrackingException"/>.</summary>
    /// <exception cref="ServingException">The tag holds an invalid spec (<see cref="ServingErrorCode.InvalidConfiguration"/>).</exception>
    public async Task<RoutingSpec> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Read(await _registry.GetRegisteredModelAsync(name, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The routing recorded on <paramref name="model"/>; <see cref="RoutingSpec.None"/> when it has none.</summary>
    /// <exception cref="ServingException">The tag holds an invalid spec (<see cref="ServingErrorCode.InvalidConfiguration"/>).</exception>
    public static RoutingSpec Read(RegisteredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Tags.TryGetValue(Tag, out var json) || string.IsNullOrWhiteSpace(json))
        {
            return RoutingSpec.None;
        }

        try
        {
            return RoutingSpec.FromJson(json);
        }
        catch (FormatException ex)
        {
            throw new ServingException(ServingErrorCode.InvalidConfiguration, $"Registered model '{model.Name}' has an invalid '{Tag}' tag: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Sets the model's routing (<see cref="RoutingSpec.None"/> clears it). The targets must exist now: an alias the model lacks or
    /// a missing version is a <see cref="TrackingErrorCode.ResourceDoesNotExist"/> error naming it, so a typo fails at the CLI,
    /// not on the server.
    /// </summary>
    public async Task SetAsync(string name, RoutingSpec spec, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Mode == RoutingMode.None && spec.Primary is null)
        {
            await ClearAsync(name, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        var model = await _registry.GetRegisteredModelAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var target in new[] { spec.Primary, spec.Secondary }.OfType<string>())
        {
            await RequireTargetAsync(model, target, cancellationToken).ConfigureAwait(false);
        }

        await _registry.SetRegisteredModelTagAsync(name, Tag, spec.ToJson(), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the model's routing (every request to the primary); no error when it has none.</summary>
    public async Task ClearAsync(string name, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var model = await _registry.GetRegisteredModelAsync(name, cancellationToken).ConfigureAwait(false);
        if (!model.Tags.ContainsKey(Tag))
        {
            return;
        }

        try
        {
            await _registry.DeleteRegisteredModelTagAsync(name, Tag, context, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            // Cleared concurrently.
        }
    }

    private async Task RequireTargetAsync(RegisteredModel model, string target, CancellationToken cancellationToken)
    {
        var reference = RoutingSpec.TargetReference(model.Name, target);
        if (reference.Alias is { } alias)
        {
            if (!model.Aliases.Any(a => a.Alias == alias))
            {
                throw TrackingException.NotFound($"Registered model '{model.Name}' has no alias '{alias}' to route to.");
            }

            return;
        }

        try
        {
            await _registry.GetModelVersionAsync(model.Name, reference.Version!.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw TrackingException.NotFound($"Registered model '{model.Name}' has no version {target} to route to.");
        }
    }
}
