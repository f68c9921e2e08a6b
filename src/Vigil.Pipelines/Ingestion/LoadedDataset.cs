using Vigil.Data.Csv;
using Vigil.Tracking.Datasets;

namespace Vigil.Pipelines.Ingestion;

/// <summary>A registered dataset version read back from the content store.</summary>
/// <param name="Version">The dataset version.</param>
/// <param name="Read">The parsed frame and reader summary, typed with the registered schema.</param>
public sealed record LoadedDataset(DatasetVersion Version, CsvReadResult Read);
