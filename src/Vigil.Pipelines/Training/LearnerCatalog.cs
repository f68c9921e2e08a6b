using Vigil.ML;
using Vigil.Pipelines.Training.Families;

namespace Vigil.Pipelines.Training;

/// <summary>The model families <c>vigil train --model</c> knows, each built explicitly from typed parameters (no reflection).</summary>
public sealed class LearnerCatalog
{
    private readonly Dictionary<string, LearnerEntry> _entries;

    /// <summary>Creates a catalog from entries with unique names.</summary>
    public LearnerCatalog(IEnumerable<LearnerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>Every model family of Vigil.ML.</summary>
    public static LearnerCatalog Default { get; } = new(
    [
        .. TreeFamilies.All,
        .. ForestFamilies.All,
        .. BoostingFamilies.All,
        .. LinearFamilies.All,
        .. EnsembleFamilies.All,
        .. NeuralFamilies.All,
    ]);

    /// <summary>The families, by name.</summary>
    public IReadOnlyCollection<LearnerEntry> Entries => _entries.Values;

    /// <summary>The named family; throws <see cref="ArgumentException"/> listing the known names.</summary>
    public LearnerEntry Get(string name) =>
        _entries.TryGetValue(name, out var e)
            ? e
            : throw new ArgumentException($"Unknown model '{name}'; known: {string.Join(", ", _entries.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Builds a classification learner, checking that every parameter was understood.</summary>
    public IClassifierLearner Classifier(string name, LearnerParameters parameters, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var factory = Get(name).Classifier ?? throw new ArgumentException($"Model '{name}' does not do classification.");
        var learner = factory(parameters, seed);
        parameters.ThrowIfUnused(name);
        return learner;
    }

    /// <summary>Builds a regression learner, checking that every parameter was understood.</summary>
    public IRegressorLearner Regressor(string name, LearnerParameters parameters, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var factory = Get(name).Regressor ?? throw new ArgumentException($"Model '{name}' does not do regression.");
        var learner = factory(parameters, seed);
        parameters.ThrowIfUnused(name);
        return learner;
    }
}
