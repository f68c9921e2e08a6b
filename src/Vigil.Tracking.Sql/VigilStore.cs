using Vigil.Tracking.Artifacts;
using Vigil.Tracking.Content;
using Vigil.Tracking.Datasets;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Datasets;
using Vigil.Tracking.Sql.Postgres;
using Vigil.Tracking.Sql.Registry;
using Vigil.Tracking.Sql.Sqlite;
using Vigil.Tracking.Sql.Tracking;

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

    /// <summary>The folder under the data directory that holds run artifacts (<see cref="Artifacts"/>).</summary>
    public const string ArtifactsDirectoryName = "artifacts";

    /// <summary>
    /// The default artifact root URI given to new experiments: MLflow's proxied-artifact scheme, so experiment <c>1</c> gets
    /// <c>mlflow-artifacts:/1</c> and its runs <c>mlflow-artifacts:/1/&lt;run id&gt;/artifacts</c>, which the server maps onto
    /// <see cref="Artifacts"/> (paths after <c>mlflow-artifacts:/</c> are relative to the artifact root).
    /// </summary>
    public const string DefaultArtifactRoot = "mlflow-artifacts:/";

    private readonly IDisposable _backend;

    private VigilStore(
        string dataDirectory, string storeUri, IDatasetStore datasets, IContentStore content, ITrackingStore tracking, IModelRegistry registry,
        IArtifactStore artifacts, IDisposable backend)
    {
        DataDirectory = dataDirectory;
        StoreUri = storeUri;
        Datasets = datasets;
        Content = content;
        Tracking = tracking;
        Registry = registry;
        Artifacts = artifacts;
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

    /// <summary>Experiments, runs, params, metrics, tags and dataset inputs.</summary>
    public ITrackingStore Tracking { get; }

    /// <summary>Registered models, versions, aliases, stages and the registry audit log.</summary>
    public IModelRegistry Registry { get; }

    /// <summary>Run artifacts under <c>&lt;data directory&gt;/artifacts/</c>, addressed by root-relative paths (<see cref="ArtifactPath"/>).</summary>
    public IArtifactStore Artifacts { get; }

    /// <summary>The default store URI for a data directory: <c>sqlite:///&lt;data directory&gt;/vigil.db</c>.</summary>
    public static string DefaultStoreUri(string dataDirectory) =>
        "sqlite:///" + Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName);

    /// <summary>
    /// Opens the stores of <paramref name="dataDirectory"/> (created if needed). A file path or <c>sqlite:</c> URI selects
    /// SQLite (migrated on open); <c>postgresql://</c> or <c>postgres://</c> selects PostgreSQL (migrated on open; content blobs
    /// and artifacts still live under the data directory); any other scheme throws <see cref="ArgumentException"/>.
    /// Experiment <c>0</c> (<c>Default</c>) is created when absent. <paramref name="defaultArtifactRoot"/> (default
    /// <see cref="DefaultArtifactRoot"/>) prefixes the artifact location of experiments created without one.
    /// </summary>
    public static VigilStore Open(string dataDirectory, string? storeUri = null, TimeProvider? time = null, string? defaultArtifactRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        var uri = string.IsNullOrWhiteSpace(storeUri) ? DefaultStoreUri(directory) : storeUri;
        var location = StoreLocation.Parse(uri);
        time ??= TimeProvider.System;

        var artifactRoot = string.IsNullOrWhiteSpace(defaultArtifactRoot) ? DefaultArtifactRoot : defaultArtifactRoot;
        if (location.Backend == StoreBackend.PostgreSql)
        {
            // Connect and migrate first: a bad URI or an unreachable server leaves the disk untouched.
            var server = PostgresDatabase.Open(location.Target, time);
            try
            {
                var backend = new PostgresBackend(server);
                var tracking = new SqlTrackingStore(backend, time, artifactRoot);
                tracking.EnsureDefaultExperimentAsync().GetAwaiter().GetResult();
                Directory.CreateDirectory(directory);
                var blobs = new FileContentStore(Path.Combine(directory, ContentDirectoryName));
                var files = new FileArtifactStore(Path.Combine(directory, ArtifactsDirectoryName));
                return new VigilStore(
                    directory, server.DisplayName, new PostgresDatasetStore(server, time), blobs, tracking, new SqlModelRegistry(backend, time), files, server);
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
        try
        {
            var backend = new SqliteBackend(database);
            var tracking = new SqlTrackingStore(backend, time, artifactRoot);
            tracking.EnsureDefaultExperimentAsync().GetAwaiter().GetResult();
            var artifacts = new FileArtifactStore(Path.Combine(directory, ArtifactsDirectoryName));
            return new VigilStore(directory, uri, new SqliteDatasetStore(database, time), content, tracking, new SqlModelRegistry(backend, time), artifacts, database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
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
