namespace Vigil.Tracking.Artifacts;

/// <summary>
/// Maps artifact URIs of MLflow's proxied-artifact scheme (<c>mlflow-artifacts:/1/&lt;run id&gt;/artifacts</c>, also with a
/// host: <c>mlflow-artifacts://host:port/1/...</c>) to the root-relative paths of an <see cref="IArtifactStore"/>. Shared by
/// the server's artifact API and model serving so both read the same files for the same URI.
/// </summary>
public static class ArtifactUri
{
    /// <summary>The artifact URI scheme of experiments whose artifacts live in Vigil's artifact store.</summary>
    public const string ProxyScheme = "mlflow-artifacts:";

    /// <summary>Whether <paramref name="uri"/> uses <see cref="ProxyScheme"/>.</summary>
    public static bool IsProxied(string? uri) => uri is not null && uri.StartsWith(ProxyScheme, StringComparison.Ordinal);

    /// <summary>
    /// The root-relative store path of a proxied artifact URI, validated by <see cref="ArtifactPath.Normalize"/>. Another
    /// scheme, or a path that escapes the root, is a <see cref="TrackingErrorCode.InvalidParameterValue"/> error naming the URI.
    /// </summary>
    public static string ToStorePath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsProxied(uri))
        {
            throw TrackingException.Invalid($"Artifact URI '{uri}' is not in Vigil's artifact store (it does not start with {ProxyScheme}).");
        }

        var rest = uri[ProxyScheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // mlflow-artifacts://host:port/path: drop the authority.
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        return ArtifactPath.Normalize(rest.TrimStart('/'));
    }
}
