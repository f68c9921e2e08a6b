namespace Vigil.Features;

/// <summary>What a transform may know while fitting: the target (only supervised steps such as synthesis and selection read it), the group and time columns, a seed.</summary>
/// <param name="Target">The target column, or null; unsupervised transforms must not read it.</param>
/// <param name="GroupColumn">The machine or unit id column of per-group windows, or null.</param>
/// <param name="TimeColumn">The column that orders rows in time within a group, or null (row order).</param>
/// <param name="Seed">The seed of every random choice.</param>
public sealed record FeatureFitContext(string? Target = null, string? GroupColumn = null, string? TimeColumn = null, int Seed = 0);
