namespace Vigil.Tracking.Artifacts;

/// <summary>Validates relative artifact paths and builds the run-scoped folder <c>&lt;experiment id&gt;/&lt;run id&gt;/artifacts</c>.</summary>
public static class ArtifactPath
{
    /// <summary>The folder name under a run's folder that holds its artifacts (as in MLflow).</summary>
    public const string RunArtifactsFolder = "artifacts";

    /// <summary>The root folder reserved for staging uploads; no artifact path may start with it.</summary>
    public const string StagingFolder = ".staging";

    /// <summary>
    /// Checks a relative path and returns it without a trailing '/'. Rejects (as <see cref="TrackingErrorCode.InvalidParameterValue"/>)
    /// empty paths, absolute paths, backslashes, NUL and control characters, ':' (drive letters, streams), empty, '.' or '..'
    /// segments, and the reserved staging folder.
    /// </summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw TrackingException.Invalid("Artifact path must not be empty.");
        }

        var trimmed = path.EndsWith('/') ? path[..^1] : path;
        if (trimmed.Length == 0 || trimmed.StartsWith('/'))
        {
            throw TrackingException.Invalid($"Invalid artifact path '{Printable(path)}': absolute paths are not allowed.");
        }

        foreach (var c in trimmed)
        {
            if (c == '\\' || c == ':' || char.IsControl(c))
            {
                throw TrackingException.Invalid(
                    $"Invalid artifact path '{Printable(path)}': backslashes, colons and control characters (including NUL) are not allowed.");
            }
        }

        var segments = trimmed.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            throw TrackingException.Invalid($"Invalid artifact path '{Printable(path)}': empty, '.' and '..' segments are not allowed.");
        }

        if (segments[0] == StagingFolder)
        {
            throw TrackingException.Invalid($"Invalid artifact path '{Printable(path)}': '{StagingFolder}' is reserved.");
        }

        return trimmed;
    }

    /// <summary>The root-relative folder of a run's artifacts: <c>&lt;experiment id&gt;/&lt;run id&gt;/artifacts</c>, or a path under it.</summary>
    public static string ForRun(string experimentId, string runId, string? relativePath = null)
    {
        var folder = Normalize($"{experimentId}/{runId}/{RunArtifactsFolder}");
        return string.IsNullOrEmpty(relativePath) ? folder : folder + "/" + Normalize(relativePath);
    }

    private static string Printable(string path) =>
        string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
