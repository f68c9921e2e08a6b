namespace Vigil.Server.Hosting;

/// <summary>One condition of <c>/ready</c>: register implementations as singletons; the server is ready when all pass.</summary>
public interface IReadinessCheck
{
    /// <summary>A short name shown with a failure, e.g. "store".</summary>
    string Name { get; }

    /// <summary>Null when ready, otherwise a one-line reason; must not throw for an expected failure.</summary>
    ValueTask<string?> CheckAsync(CancellationToken cancellationToken);
}
