namespace Vigil.Tracking.Content;

/// <summary>Stores immutable blobs by the SHA-256 of their bytes; putting the same bytes twice stores them once.</summary>
public interface IContentStore
{
    /// <summary>Copies the stream into the store and returns its content key (lowercase hex SHA-256).</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens stored content for reading; throws <see cref="FileNotFoundException"/> naming the key when absent.</summary>
    Stream OpenRead(string key);

    /// <summary>Whether content with the key is stored.</summary>
    bool Contains(string key);

    /// <summary>The local file path of stored content, for readers that need a seekable file.</summary>
    string GetPath(string key);
}
