namespace Vigil.Tracking.Artifacts;

/// <summary>
/// An <see cref="IArtifactStore"/> on the local file system. Uploads stream into <c>root/.staging/</c> (same volume),
/// are flushed to disk and then renamed over the final name, so readers never see a partial file. Every resolved path is
/// checked to stay under the root after normalization, on top of <see cref="ArtifactPath.Normalize"/>.
/// </summary>
public sealed class FileArtifactStore : IArtifactStore
{
    private const int BufferSize = 81920;

    /// <summary>Creates a store rooted at <paramref name="rootDirectory"/>, creating it if needed.</summary>
    public FileArtifactStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(RootDirectory);
    }

    /// <summary>The full path of the artifact root.</summary>
    public string RootDirectory { get; }

    /// <inheritdoc/>
    public async Task PutAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = Resolve(path);
        if (Directory.Exists(target))
        {
            throw TrackingException.Invalid($"Artifact path '{path}' is a folder.");
        }

        var staging = Path.Combine(RootDirectory, ArtifactPath.StagingFolder);
        Directory.CreateDirectory(staging);
        var temp = Path.Combine(staging, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? path = null, CancellationToken cancellationToken = default)
    {
        var prefix = string.IsNullOrEmpty(path) ? string.Empty : ArtifactPath.Normalize(path) + "/";
        var folder = prefix.Length == 0 ? RootDirectory : Resolve(path);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);
        }

        List<ArtifactEntry> entries = [];
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (prefix.Length == 0 && entry.Name == ArtifactPath.StagingFolder)
            {
                continue;
            }

            entries.Add(entry is FileInfo file
                ? new ArtifactEntry(prefix + file.Name, false, file.Length)
                : new ArtifactEntry(prefix + entry.Name, true, null));
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return Task.FromResult<IReadOnlyList<ArtifactEntry>>(entries);
    }

    /// <inheritdoc/>
    public Stream OpenRead(string path)
    {
        var full = Resolve(path);
        return File.Exists(full)
            ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous)
            : throw TrackingException.NotFound($"Artifact '{path}' does not exist.");
    }

    /// <inheritdoc/>
    public bool Exists(string path) => File.Exists(Resolve(path));

    private string Resolve(string? path)
    {
        var relative = ArtifactPath.Normalize(path);
        var full = Path.GetFullPath(Path.Combine(RootDirectory, relative.Replace('/', Path.DirectorySeparatorChar)));
        var rootWithSeparator = RootDirectory.EndsWith(Path.DirectorySeparatorChar) ? RootDirectory : RootDirectory + Path.DirectorySeparatorChar;
        return full.StartsWith(rootWithSeparator, StringComparison.Ordinal)
            ? full
            : throw TrackingException.Invalid($"Invalid artifact path '{path}': it resolves outside the artifact root.");
    }
}
