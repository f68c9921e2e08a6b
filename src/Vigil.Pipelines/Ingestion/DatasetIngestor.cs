using Vigil.Data.Csv;
using Vigil.Data.Profiling;
using Vigil.Tracking.Content;
using Vigil.Tracking.Datasets;

namespace Vigil.Pipelines.Ingestion;

/// <summary>Reads a CSV, profiles it, stores its bytes by content hash and registers a dataset version; reloads versions.</summary>
public sealed class DatasetIngestor
{
    private readonly IDatasetStore _datasets;
    private readonly IContentStore _content;
    private readonly string _quarantineDirectory;

    /// <summary>Creates an ingestor over the given stores; rejected rows are written under <paramref name="quarantineDirectory"/>.</summary>
    public DatasetIngestor(IDatasetStore datasets, IContentStore content, string quarantineDirectory)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(quarantineDirectory);
        _datasets = datasets;
        _content = content;
        _quarantineDirectory = quarantineDirectory;
    }

    /// <summary>Ingests a CSV file: parse (bad rows quarantined), profile, store content, register or reuse the version.</summary>
    public async Task<IngestResult> IngestAsync(IngestRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!File.Exists(request.Path))
        {
            throw new FileNotFoundException($"File not found: {request.Path}", request.Path);
        }

        var read = CsvReader.ReadFile(request.Path, request.CsvOptions, progress, cancellationToken);
        if (request.Target is not null && !read.Frame.Contains(request.Target))
        {
            throw new ArgumentException(
                $"Target column '{request.Target}' is not in {request.Source ?? Path.GetFileName(request.Path)}; columns: {string.Join(", ", read.Frame.ColumnNames)}.");
        }

        var profile = DataProfiler.Profile(read.Frame);
        string key;
        await using (var stream = File.OpenRead(request.Path))
        {
            key = await _content.PutAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        var registration = await _datasets.RegisterAsync(
            new NewDatasetVersion(
                request.Name,
                key,
                read.Frame.RowCount,
                read.Quarantined.Count,
                read.Frame.ColumnCount,
                SchemaJson.Serialize(read.Frame.Schema),
                profile.ToJson(),
                request.Source ?? Path.GetFullPath(request.Path),
                key,
                request.Target),
            cancellationToken).ConfigureAwait(false);

        string? quarantineFile = null;
        if (read.Quarantined.Count > 0)
        {
            Directory.CreateDirectory(_quarantineDirectory);
            quarantineFile = Path.Combine(_quarantineDirectory, $"{registration.Version.Name}-v{registration.Version.Version}.csv");
            QuarantineFile.Write(quarantineFile, read.Quarantined);
        }

        return new IngestResult(registration.Version, registration.Reused, read, profile, quarantineFile);
    }

    /// <summary>Loads a registered version, reading its stored bytes with the registered column kinds.</summary>
    public async Task<LoadedDataset> LoadAsync(DatasetReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var version = await _datasets.GetAsync(reference.Name, reference.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException(reference.Version is null
                ? $"No dataset named '{reference.Name}'."
                : $"Dataset '{reference.Name}' has no version {reference.Version}.");
        var schema = SchemaJson.Deserialize(version.SchemaJson);
        var options = new CsvReadOptions(columnKinds: schema.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal));
        var read = CsvReader.ReadFile(_content.GetPath(version.ContentKey), options, null, cancellationToken);
        return new LoadedDataset(version, read);
    }
}
