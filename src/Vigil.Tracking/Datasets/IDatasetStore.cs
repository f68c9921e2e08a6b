namespace Vigil.Tracking.Datasets;

/// <summary>Stores dataset versions: registration by content hash, lookup and listing.</summary>
public interface IDatasetStore
{
    /// <summary>Registers a version; when the name already has a version with the same SHA-256, returns it with <c>Reused = true</c>.</summary>
    Task<DatasetRegistration> RegisterAsync(NewDatasetVersion version, CancellationToken cancellationToken = default);

    /// <summary>The given version of a dataset, or its latest when <paramref name="version"/> is null; null when absent.</summary>
    Task<DatasetVersion?> GetAsync(string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>All versions of one dataset (or of all datasets when <paramref name="name"/> is null), by name then version.</summary>
    Task<IReadOnlyList<DatasetVersion>> ListAsync(string? name = null, CancellationToken cancellationToken = default);
}
