namespace Vigil.Tracking.Artifacts;

/// <summary>
/// Files under one artifact root, addressed by relative paths such as <c>1/&lt;run id&gt;/artifacts/model/MLmodel</c>
/// (see <see cref="ArtifactPath.ForRun"/> for a run's folder). Paths are validated by <see cref="ArtifactPath.Normalize"/>:
/// no <c>..</c>, no absolute paths, no backslashes, no NUL, so nothing outside the root can be reached. The same relative
/// paths serve MLflow's proxied artifact API (<c>/api/2.0/mlflow-artifacts/artifacts/&lt;path&gt;</c>).
/// </summary>
public interface IArtifactStore
{
    /// <summary>Writes (or atomically replaces) the file at <paramref name="path"/> with the stream's bytes.</summary>
    Task PutAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The direct children of the folder at <paramref name="path"/> (the root when null or empty), ordinal by path; empty when absent.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? path = null, CancellationToken cancellationToken = default);

    /// <summary>Opens the file for reading; a missing file is <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Stream OpenRead(string path);

    /// <summary>Whether a file exists at the path.</summary>
    bool Exists(string path);
}

/// <summary>One file or folder in an artifact listing.</summary>
/// <param name="Path">The path relative to the artifact root, with '/' separators.</param>
/// <param name="IsDirectory">True for a folder.</param>
/// <param name="FileSize">The size in bytes for a file, null for a folder.</param>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? FileSize);
