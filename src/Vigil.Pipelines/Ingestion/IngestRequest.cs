using Vigil.Data.Csv;
using Vigil.Tracking.Datasets;

namespace Vigil.Pipelines.Ingestion;

/// <summary>What to ingest: a CSV file under a dataset name, with an optional target column.</summary>
public sealed record IngestRequest
{
    /// <summary>Creates a request, validating the name and path; <paramref name="source"/> overrides the recorded source (default: the file's full path).</summary>
    public IngestRequest(string path, string name, string? target = null, CsvReadOptions? csvOptions = null, string? source = null)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add("path: must not be empty");
        }

        if (!DatasetReference.IsValidName(name ?? string.Empty))
        {
            errors.Add($"name: '{name}' must be 1-128 letters, digits, '-', '_' or '.'");
        }

        if (target is not null && string.IsNullOrWhiteSpace(target))
        {
            errors.Add("target: must not be blank when given");
        }

        if (source is not null && string.IsNullOrWhiteSpace(source))
        {
            errors.Add("source: must not be blank when given");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        Path = path;
        Name = name!;
        Target = target;
        CsvOptions = csvOptions ?? new CsvReadOptions();
        Source = source;
    }

    /// <summary>The CSV file to read.</summary>
    public string Path { get; }

    /// <summary>The dataset name to register under.</summary>
    public string Name { get; }

    /// <summary>The target column, checked to exist.</summary>
    public string? Target { get; }

    /// <summary>How to read the file.</summary>
    public CsvReadOptions CsvOptions { get; }

    /// <summary>What to record as the version's source (e.g. "upload:sensors.csv" for a browser upload), or null for the file's full path.</summary>
    public string? Source { get; }
}
