using Vigil.Data.Cmapss;
using Vigil.ML.Neural.Models;
using Vigil.ML.Neural.Rul;
using Vigil.ML.Rul;
using Vigil.Pipelines.Training;

namespace Vigil.Pipelines.Rul;

/// <summary>What a RUL learner factory gets: the seed, the sensor (channel) names and the RUL cap.</summary>
/// <param name="Seed">The learner's seed.</param>
/// <param name="Sensors">The channel names of the windows.</param>
/// <param name="Cap">The RUL cap (neural targets are divided by it for training).</param>
public sealed record RulLearnerContext(int Seed, IReadOnlyList<string> Sensors, double Cap);

/// <summary>
/// The model families of <c>vigil train --task rul --model</c>: raw-window learners registered by name (the neural sequence
/// models lstm, gru, cnn-lstm, gld and the averaging ensemble), else any regression family of the tabular
/// <see cref="LearnerCatalog"/> on window statistics (<see cref="WindowStatisticsLearner"/>).
/// </summary>
public sealed class RulLearnerCatalog
{
    private readonly LearnerCatalog _tabular;
    private readonly Dictionary<string, Func<RulLearnerContext, IWindowRegressorLearner>> _window;

    /// <summary>Creates a catalog; <paramref name="windowLearners"/> maps a family name to a factory of a raw-window learner.</summary>
    public RulLearnerCatalog(LearnerCatalog tabular, IReadOnlyDictionary<string, Func<RulLearnerContext, IWindowRegressorLearner>>? windowLearners = null)
    {
        ArgumentNullException.ThrowIfNull(tabular);
        _tabular = tabular;
        _window = new(windowLearners ?? new Dictionary<string, Func<RulLearnerContext, IWindowRegressorLearner>>(), StringComparer.Ordinal);
    }

    /// <summary>The tabular families on window statistics plus the neural families at the anchors' settings (Adam 1e-3, batch 256, ≤ 30 epochs, early stopping on 10 % of the units).</summary>
    public static RulLearnerCatalog Default { get; } = WithNeural(LearnerCatalog.Default, epochs: 30);

    /// <summary>The neural families: the anchors' architectures plus a GRU stack and the averaging ensemble.</summary>
    public static IReadOnlyList<string> NeuralFamilies { get; } = ["lstm", "gru", "cnn-lstm", "gld", "ensemble"];

    /// <summary>The registered raw-window families.</summary>
    public IReadOnlyCollection<string> WindowFamilies => _window.Keys;

    /// <summary>
    /// A catalog with the neural families trained for at most <paramref name="epochs"/> epochs. "ensemble" averages a CNN-LSTM,
    /// a GLD stack and a random forest on window statistics, each given the engine's age as an extra channel
    /// (<see cref="CycleChannel"/>; the forest also sees exponentially smoothed sensors) — Vigil's most accurate C-MAPSS model (docs/benchmarks.md).
    /// </summary>
    public static RulLearnerCatalog WithNeural(LearnerCatalog tabular, int epochs)
    {
        ArgumentNullException.ThrowIfNull(tabular);
        IWindowRegressorLearner Net(string architecture, RulLearnerContext c) => new NeuralWindowLearner(new NeuralWindowOptions
        {
            Cap = c.Cap,
            Network = new NeuralOptions { Architecture = architecture, Epochs = epochs, StandardizeInputs = false, Seed = c.Seed },
        });

        var learners = new Dictionary<string, Func<RulLearnerContext, IWindowRegressorLearner>>(StringComparer.Ordinal)
        {
            ["lstm"] = c => Net("lstm", c),
            ["gru"] = c => Net("gru", c),
            ["cnn-lstm"] = c => Net("cnn-lstm", c),
            ["gld"] = c => Net("gld", c),
            ["ensemble"] = c => new AveragingWindowLearner(
            [
                new TransformedWindowLearner(WindowTransforms.Cycle, Net("cnn-lstm", c)),
                new TransformedWindowLearner(WindowTransforms.Cycle, Net("gld", c)),
                new TransformedWindowLearner(WindowTransforms.Cycle, new TransformedWindowLearner(new ExponentialSmoothing(0.3), new WindowStatisticsLearner(
                    tabular.Regressor("rf", new LearnerParameters(), c.Seed), [.. c.Sensors, "cycle", .. c.Sensors.Select(s => s + "_ewm"), "cycle_ewm"]))),
            ]),
        };
        return new RulLearnerCatalog(tabular, learners);
    }

    /// <summary>Builds the learner of <paramref name="model"/>; throws <see cref="ArgumentException"/> naming --model when it is unknown.</summary>
    public IWindowRegressorLearner Create(string model, int seed, IReadOnlyList<string> sensors, double cap = RulLabels.DefaultCap)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(sensors);
        if (_window.TryGetValue(model, out var factory))
        {
            return factory(new RulLearnerContext(seed, sensors, cap));
        }

        if (NeuralFamilies.Contains(model, StringComparer.Ordinal))
        {
            throw new ArgumentException($"--model {model}: this catalog has no neural RUL models; use gbdt or rf on window statistics.");
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
