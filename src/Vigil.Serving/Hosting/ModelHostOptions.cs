namespace Vigil.Serving.Hosting;

/// <summary>
/// What a <see cref="ModelHost"/> serves and how it follows the registry. Immutable and validated at construction: an invalid
/// value throws <see cref="ArgumentException"/> naming the option.
/// </summary>
public sealed record ModelHostOptions
{
    /// <summary>Creates options serving <paramref name="models"/> (may be empty: then every model is loaded on its first request).</summary>
    /// <exception cref="ArgumentException">A reference is null, or two references share a name.</exception>
    public ModelHostOptions(IEnumerable<ModelReference> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var list = models.ToList();
        if (list.Any(m => m is null))
        {
            throw new ArgumentException("Models must not contain null references.", nameof(models));
        }

        var duplicate = list.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Models: '{duplicate.Key}' is configured {duplicate.Count()} times ({string.Join(", ", duplicate)}); serve each name once and route between versions with a routing spec.",
                nameof(models));
        }

        Models = list;
    }

    /// <summary>The references loaded and warmed at start, by name; an alias reference follows its alias while served.</summary>
    public IReadOnlyList<ModelReference> Models { get; }

    /// <summary>How often <see cref="ModelHost.RunAsync"/> re-resolves aliases and routing; default 2 s, at least 10 ms.</summary>
    public TimeSpan PollInterval
    {
        get;
        init => field = value >= TimeSpan.FromMilliseconds(10) && value != Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentException($"PollInterval must be at least 10 ms (got {value}).", nameof(PollInterval));
    } = TimeSpan.FromSeconds(2);

    /// <summary>The longest one model load (resolve, read, decode, warm) may take before it counts as failed; default 2 minutes.</summary>
    public TimeSpan LoadTimeout
    {
        get;
        init => field = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentException($"LoadTimeout must be positive or infinite (got {value}).", nameof(LoadTimeout));
    } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// False (default): <see cref="ModelHost.StartAsync"/> throws when a configured model fails to load. True: it starts anyway,
    /// not ready (<see cref="ModelHost.IsReady"/> false) until every configured model has loaded on a later refresh.
    /// </summary>
    public bool StartWhenLoadFails { get; init; }

    /// <summary>
    /// True (default): a name not configured at start is loaded as <c>name@</c><see cref="OnDemandAlias"/> on its first request and
    /// served (and followed) from then on, so a model registered while the server runs needs no restart.
    /// </summary>
    public bool LoadOnFirstRequest { get; init; } = true;

    /// <summary>The alias a model loaded on its first request follows; default <c>champion</c>.</summary>
    public string OnDemandAlias
    {
        get;
        init => field = !string.IsNullOrWhiteSpace(value) && !value.Any(c => char.IsWhiteSpace(c) || c is '@' or '/' or ':')
            ? value
            : throw new ArgumentException($"OnDemandAlias must be an alias name without spaces, '@', '/' or ':' (got '{value}').", nameof(OnDemandAlias));
    } = ModelReference.DefaultAlias;

    /// <summary>How long a failed first-request load is remembered, so a flood of requests for a missing model does not hammer the store; default 5 s, 0 disables.</summary>
    public TimeSpan MissCacheDuration
    {
        get;
        init => field = value >= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentException($"MissCacheDuration must be zero or positive (got {value}).", nameof(MissCacheDuration));
    } = TimeSpan.FromSeconds(5);

    /// <summary>The most models loaded on first request (a guard against requests naming every model in a large registry); default 64.</summary>
    public int MaxOnDemandModels
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentException($"MaxOnDemandModels must be zero or positive (got {value}).", nameof(MaxOnDemandModels));
    } = 64;
}
