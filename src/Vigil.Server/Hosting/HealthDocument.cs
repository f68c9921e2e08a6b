namespace Vigil.Server.Hosting;

/// <summary>The body of <c>/health</c> and <c>/ready</c>: "ok", "ready" or "not_ready", with the failed checks' reasons.</summary>
internal sealed record HealthDocument(string Status, IReadOnlyList<string>? Reasons = null);
