using Vigil.Data.Csv;
using Vigil.Data.Profiling;
using Vigil.Tracking.Datasets;

namespace Vigil.Pipelines.Ingestion;

/// <summary>The outcome of an ingest: the registered version, the parsed data, its profile and where rejected rows went.</summary>
/// <param name="Version">The registered (or reused) dataset version.</param>
/// <param name="Reused">Whether identical content was already registered under the name.</param>
/// <param name="Read">The parsed frame, quarantined rows and reader summary.</param>
/// <param name="Profile">The data profile.</param>
/// <param name="QuarantineFile">The quarantine CSV path, or null when no row was rejected.</param>
public sealed record IngestResult(
    DatasetVersion Version,
    bool Reused,
    CsvReadResult Read,
    DatasetProfile Profile,
    string? QuarantineFile);
