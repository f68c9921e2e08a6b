using Vigil.ML.Rul;
using Vigil.Pipelines.Training;

namespace Vigil.Pipelines.Rul;

/// <summary>
/// The model families of <c>vigil train --task rul --model</c>: window learners registered by name (the neural
/// sequence models, when their project provides them), else any regression family of the tabular
/// <see cref="LearnerCatalog"/> on window statistics (<see cref="WindowStatisticsLearner"/>).
/// </summary>
public sealed class RulLearnerCatalog
{
    private readonly LearnerCatalog _tabular;
    private readonly Dictionary<string, Func<int, IReadOnlyList<string>, IWindowRegressorLearner>> _window;

    /// <summary>Creates a catalog; <paramref name="windowLearners"/> maps a family name to a factory (seed, sensor names) of a raw-window learner.</summary>
    public RulLearnerCatalog(LearnerCatalog tabular, IReadOnlyDictionary<string, Func<int, IReadOnlyList<string>, IWindowRegressorLearner>>? windowLearners = null)
    {
        ArgumentNullException.ThrowIfNull(tabular);
        _tabular = tabular;
        _window = new(windowLearners ?? new Dictionary<string, Func<int, IReadOnlyList<string>, IWindowRegressorLearner>>(), StringComparer.Ordinal);
    }

    /// <summary>The tabular families on window statistics only (this build has no neural window learner yet).</summary>
    public static RulLearnerCatalog Default { get; } = new(LearnerCatalog.Default);

    /// <summary>The neural families the RUL issue plans (provided by Vigil.ML.Neural); asking for one that is not registered is a clear error.</summary>
    public static IReadOnlyList<string> NeuralFamilies { get; } = ["lstm", "cnn-lstm", "gld"];

    /// <summary>The registered raw-window families.</summary>
    public IReadOnlyCollection<string> WindowFamilies => _window.Keys;

    /// <summary>Builds the learner of <paramref name="model"/>; throws <see cref="ArgumentException"/> naming --model when it is unknown or unavailable.</summary>
    public IWindowRegressorLearner Create(string model, int seed, IReadOnlyList<string> sensors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(sensors);
        if (_window.TryGetValue(model, out var factory))
        {
            return factory(seed, sensors);
        }

        if (NeuralFamilies.Contains(model, StringComparer.Ordinal))
        {
            throw new ArgumentException($"--model {model}: the neural RUL models ({string.Join(", ", NeuralFamilies)}) are not available in this build yet; use gbdt or rf on window statistics.");
        }

        try
        {
            return new WindowStatisticsLearner(_tabular.Regressor(model, new LearnerParameters(), seed), sensors);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--model {model}: {ex.Message}", ex);
        }
    }
}
