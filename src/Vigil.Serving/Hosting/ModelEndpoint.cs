using Vigil.Serving.Routing;

namespace Vigil.Serving.Hosting;

/// <summary>
/// The immutable serving state of one model name, published by <see cref="ModelHost"/> with a single reference write: a request
/// that read it keeps scoring on its models even when a newer state replaces it.
/// </summary>
/// <param name="Name">The served name.</param>
/// <param name="Reference">What is served (e.g. <c>pdm@champion</c>); the primary follows it unless <see cref="RoutingSpec.Primary"/> overrides it.</param>
/// <param name="Primary">The version answering requests by default.</param>
/// <param name="Secondary">The canary, shadow or B version; null when <see cref="Routing"/> is <see cref="RoutingMode.None"/>.</param>
/// <param name="Routing">The routing in effect (the last spec whose targets loaded).</param>
/// <param name="LoadedAt">When this state was published.</param>
public sealed record ModelEndpoint(
    string Name,
    ModelReference Reference,
    IServedModel Primary,
    IServedModel? Secondary,
    RoutingSpec Routing,
    DateTimeOffset LoadedAt)
{
    /// <summary>The primary's version.</summary>
    public ModelIdentity PrimaryIdentity => Primary.Identity;

    /// <summary>The secondary's version, or null.</summary>
    public ModelIdentity? SecondaryIdentity => Secondary?.Identity;
}

/// <summary>
/// Hooks for what a <see cref="ModelHost"/> does (for metrics and logs, without a logging dependency). Every method has an empty
/// default; the host calls them synchronously on the loading thread and ignores exceptions they throw.
/// </summary>
public interface IModelHostObserver
{
    /// <summary>A version was loaded and warmed in <paramref name="duration"/> (measured on the host's clock).</summary>
    void OnLoaded(ModelIdentity identity, TimeSpan duration)
    {
    }

    /// <summary>The primary of <paramref name="name"/> switched from one version to another (an alias moved or the routing primary changed).</summary>
    void OnSwapped(string name, ModelIdentity from, ModelIdentity to)
    {
    }

    /// <summary>Loading <paramref name="reference"/> failed; the host keeps serving what it had and retries on the next refresh.</summary>
    void OnLoadFailed(ModelReference reference, Exception error)
    {
    }

    /// <summary>The routing of <paramref name="name"/> (its spec or its secondary version) changed; <paramref name="endpoint"/> is the new state.</summary>
    void OnRoutingChanged(string name, RoutingSpec from, RoutingSpec to, ModelEndpoint endpoint)
    {
    }
}
