using System.Text;
using Vigil.Serving.Hosting;

namespace Vigil.Serving.Routing;

/// <summary>Which model answers one request, under which variant name, and which model (if any) scores it in shadow.</summary>
/// <param name="Answer">The model whose prediction is returned.</param>
/// <param name="Variant">The answer's variant: <c>primary</c>, <c>canary</c>, <c>a</c> or <c>b</c> (see <see cref="Router"/>).</param>
/// <param name="Shadow">The model to score the same records in shadow (recorded, never returned), or null.</param>
public sealed record RouteDecision(IServedModel Answer, string Variant, IServedModel? Shadow)
{
    /// <summary>The variant the shadow model's predictions are recorded under: <c>shadow</c>.</summary>
    public string? ShadowVariant => Shadow is null ? null : Router.ShadowVariant;
}

/// <summary>
/// Picks the model answering each request from an endpoint's <see cref="RoutingSpec"/>. Variants are named by role, so metric
/// labels stay few and stable whatever the aliases are called: <c>primary</c> (no routing, the primary side of a canary, and the
/// answer under shadow), <c>canary</c> (the secondary of a canary), <c>a</c> and <c>b</c> (primary and secondary of an A/B test),
/// and <c>shadow</c> for mirrored predictions.
/// </summary>
/// <remarks>
/// Canary: a request key, when given, is hashed so one caller stays on one side; otherwise each request takes the next draw of a
/// seeded SplitMix64 sequence (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators") indexed by an
/// interlocked counter: lock-free, no shared <see cref="Random"/>, and reproducible for a given seed and request order.
/// A/B: sticky by request key: the key's FNV-1a 64-bit hash (Fowler, Noll &amp; Vo 1991) of its UTF-8 bytes, mixed with the seed
/// through the SplitMix64 finalizer, picks the side, so the same key lands on the same side on every server with the same seed
/// (never <see cref="string.GetHashCode()"/>, which differs per process); a request without a key takes a draw. Shadow: the
/// primary answers and the secondary scores <see cref="RoutingSpec.Percent"/> of requests (drawn like a canary) in shadow.
/// </remarks>
public sealed class Router
{
    /// <summary>The variant of the primary when it answers outside an A/B test.</summary>
    public const string PrimaryVariant = "primary";

    /// <summary>The variant of a canary's secondary.</summary>
    public const string CanaryVariant = "canary";

    /// <summary>The variant of an A/B test's primary.</summary>
    public const string VariantA = "a";

    /// <summary>The variant of an A/B test's secondary.</summary>
    public const string VariantB = "b";

    /// <summary>The variant mirrored predictions are recorded under.</summary>
    public const string ShadowVariant = "shadow";

    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    private readonly ModelHost? _host;
    private readonly ulong _seed;
    private long _counter;

    /// <summary>Creates a router over a host's endpoints.</summary>
    public Router(ModelHost host, ulong seed)
        : this(seed) => _host = host ?? throw new ArgumentNullException(nameof(host));

    /// <summary>Creates a router for endpoints the caller supplies (<see cref="Route(ModelEndpoint, string?)"/>).</summary>
    public Router(ulong seed) => _seed = seed;

    /// <summary>Routes a request for <paramref name="name"/>, loading the model on its first request (see <see cref="ModelHost.GetAsync"/>).</summary>
    public async ValueTask<RouteDecision> RouteAsync(string name, string? requestKey = null, CancellationToken cancellationToken = default)
    {
        var host = _host ?? throw new InvalidOperationException("This router has no model host; pass the endpoint to Route.");
        return Route(await host.GetAsync(name, cancellationToken).ConfigureAwait(false), requestKey);
    }

    /// <summary>Routes a request for an already loaded <paramref name="name"/>.</summary>
    /// <exception cref="ServingException">The model is not loaded (use <see cref="RouteAsync"/> to load it on demand).</exception>
    public RouteDecision Route(string name, string? requestKey = null)
    {
        var host = _host ?? throw new InvalidOperationException("This router has no model host; pass the endpoint to Route.");
        return host.TryGet(name, out var endpoint)
            ? Route(endpoint, requestKey)
            : throw new ServingException(ServingErrorCode.NotReady, $"Model '{name}' is not loaded.");
    }

    /// <summary>Routes one request on <paramref name="endpoint"/>; <paramref name="requestKey"/> (a user or machine id) makes the choice sticky.</summary>
    public RouteDecision Route(ModelEndpoint endpoint, string? requestKey = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var secondary = endpoint.Secondary;
        var routing = endpoint.Routing;
        if (secondary is null)
        {
            return new RouteDecision(endpoint.Primary, PrimaryVariant, null);
        }

        switch (routing.Mode)
        {
            case RoutingMode.Canary:
                return Chance(routing.Percent, requestKey)
                    ? new RouteDecision(secondary, CanaryVariant, null)
                    : new RouteDecision(endpoint.Primary, PrimaryVariant, null);
            case RoutingMode.AB:
                return Chance(routing.Percent, requestKey)
                    ? new RouteDecision(secondary, VariantB, null)
                    : new RouteDecision(endpoint.Primary, VariantA, null);
            case RoutingMode.Shadow:
                return new RouteDecision(endpoint.Primary, PrimaryVariant, routing.Percent >= 100 || Chance(routing.Percent, null) ? secondary : null);
            default:
                return new RouteDecision(endpoint.Primary, PrimaryVariant, null);
        }
    }

    /// <summary>The unit-interval value [0, 1) a request key maps to for this router's seed (what A/B and keyed canaries compare with the share).</summary>
    public double KeyPosition(string requestKey)
    {
        ArgumentNullException.ThrowIfNull(requestKey);
        return ToUnit(Mix(Fnv1a(requestKey) ^ _seed));
    }

    /// <summary>The next draw in [0, 1) of the seeded sequence.</summary>
    public double NextDraw() => ToUnit(Mix(_seed + ((ulong)Interlocked.Increment(ref _counter) * Golden)));

    private bool Chance(double percent, string? requestKey)
    {
        if (percent <= 0)
        {
            return false;
        }

        if (percent >= 100)
        {
            return true;
        }

        var position = string.IsNullOrEmpty(requestKey) ? NextDraw() : KeyPosition(requestKey);
        return position * 100 < percent;
    }

    /// <summary>The SplitMix64 output function (Steele, Lea &amp; Flood 2014).</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a, 64 bits, over the UTF-8 bytes of <paramref name="text"/>.</summary>
    internal static ulong Fnv1a(string text)
    {
        var hash = FnvOffset;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < count; i++)
            {
                hash = (hash ^ buffer[i]) * FnvPrime;
            }
        }

        return hash;
    }

    private static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
