using Vigil.Tracking.Content;
using Vigil.Tracking.Datasets;
using Vigil.Tracking.Sql.Datasets;
using Vigil.Tracking.Sql.Postgres;
using Vigil.Tracking.Sql.Sqlite;

namespace Vigil.Tracking.Sql;

/// <summary>
/// The stores of one Vigil data directory, each behind its own narrow contract. <see cref="Open"/> is the one
/// place that chooses the backend from the store URI.
/// </summary>
public sealed class VigilStore : IDisposable, IAsyncDisposable
{
    /// <summary>The SQLite database file name used by the default store URI.</summary>
    public const string DatabaseFileName = "vigil.db";

    /// <summary>The folder under the data directory that holds content-addressed blobs.</summary>
    public const string ContentDirectoryName = "content";

    private readonly IDisposable _backend;

    private VigilStore(string dataDirectory, string storeUri, IDatasetStore datasets, IContentStore content, IDisposable backend)
    {
        DataDirectory = dataDirectory;
        StoreUri = storeUri;
        Datasets = datasets;
        Content = content;
        _backend = backend;
    }

    /// <summary>The full path of the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The store URI in use (the default one when none was given); for PostgreSQL, its printable form with the password masked.</summary>
    public string StoreUri { get; }

    /// <summary>Registered dataset versions.</summary>
    public IDatasetStore Datasets { get; }

    /// <summary>Content-addressed blobs under <c>&lt;data directory&gt;/content/</c>.</summary>
    public IContentStore Content { get; }

    /// <summary>The default store URI for a data directory: <c>sqlite:///&lt;data directory&gt;/vigil.db</c>.</summary>
    public static string DefaultStoreUri(string dataDirectory) =>
        "sqlite:///" + Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName);

    /// <summary>
    /// Opens the stores of <paramref name="dataDirectory"/> (created if needed). A file path or <c>sqlite:</c> URI selects
    /// SQLite (migrated on open); <c>postgresql://</c> or <c>postgres://</c> selects PostgreSQL (migrated on open; content blobs
    /// still live under the data directory); any other scheme throws <see cref="ArgumentException"/>.
    /// </summary>
    public static VigilStore Open(string dataDirectory, string? storeUri = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        var uri = string.IsNullOrWhiteSpace(storeUri) ? DefaultStoreUri(directory) : storeUri;
        var location = StoreLocation.Parse(uri);
        time ??= TimeProvider.System;

        if (location.Backend == StoreBackend.PostgreSql)
        {
            // Connect and migrate first: a bad URI or an unreachable server leaves the disk untouched.
            var server = PostgresDatabase.Open(location.Target, time);
            try
            {
                Directory.CreateDirectory(directory);
                var blobs = new FileContentStore(Path.Combine(directory, ContentDirectoryName));
                return new VigilStore(directory, server.DisplayName, new PostgresDatasetStore(server, time), blobs, server);
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }

        Directory.CreateDirectory(directory);
        var content = new FileContentStore(Path.Combine(directory, ContentDirectoryName));
        var database = SqliteDatabase.Open(location.Target, time);
        return new VigilStore(directory, uri, new SqliteDatasetStore(database, time), content, database);
    }

    /// <summary>Closes the backend's connections; the stores must not be used afterwards.</summary>
    public void Dispose() => _backend.Dispose();

    /// <summary>Closes the backend's connections asynchronously.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
