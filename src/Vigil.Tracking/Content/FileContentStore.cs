using System.Security.Cryptography;

namespace Vigil.Tracking.Content;

/// <summary>
/// An <see cref="IContentStore"/> on the local file system: each blob is stored under
/// <c>root/ab/cdef…</c> by its lowercase hex SHA-256, staged in a temporary file under the root
/// (same volume) and then atomically renamed, so a crash never leaves a partial blob under its final name.
/// </summary>
public sealed class FileContentStore : IContentStore
{
    private const string TempPrefix = ".tmp-";
    private const int BufferSize = 81920;

    /// <summary>Creates a store rooted at <paramref name="rootDirectory"/>, creating the directory if needed.</summary>
    public FileContentStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(RootDirectory);
    }

    /// <summary>The full path of the store's root directory.</summary>
    public string RootDirectory { get; }

    /// <inheritdoc/>
    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);

        // The key is known only after the last byte, so stage in the root: the same volume as
        // every shard, which makes the final rename atomic.
        var tempPath = Path.Combine(RootDirectory, TempPrefix + Guid.NewGuid().ToString("N"));
        string key;
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                await using (var temp = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await temp.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }

                    await temp.FlushAsync(cancellationToken).ConfigureAwait(false);
                    temp.Flush(flushToDisk: true);
                }

                key = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var finalPath = GetPath(key);
            if (File.Exists(finalPath))
            {
                return key; // Idempotent: identical bytes are already stored.
            }

            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            try
            {
                File.Move(tempPath, finalPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(finalPath))
            {
                // A concurrent writer stored the same bytes first; theirs is identical.
            }

            return key;
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    /// <inheritdoc/>
    public Stream OpenRead(string key)
    {
        var path = GetPath(key);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous)
            : throw new FileNotFoundException($"Content '{key}' is not in the store at '{RootDirectory}'.", path);
    }

    /// <inheritdoc/>
    public bool Contains(string key) => File.Exists(GetPath(key));

    /// <inheritdoc/>
    public string GetPath(string key)
    {
        ContentKey.ThrowIfInvalid(key, nameof(key));
        return Path.Combine(RootDirectory, key[..2], key[2..]);
    }
}
