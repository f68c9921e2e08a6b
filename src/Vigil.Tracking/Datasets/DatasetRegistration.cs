namespace Vigil.Tracking.Datasets;

/// <summary>The outcome of registering a dataset: the version, and whether an identical existing one was reused.</summary>
/// <param name="Version">The registered or reused version.</param>
/// <param name="Reused">True when the same name already had a version with the same content hash.</param>
public sealed record DatasetRegistration(DatasetVersion Version, bool Reused);
