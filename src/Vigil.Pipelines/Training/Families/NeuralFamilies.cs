using Vigil.ML;
using Vigil.ML.Neural.Models;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training.Families;

/// <summary>Catalog entries of the neural learners on tabular rows (the sequence families serve the RUL task).</summary>
internal static class NeuralFamilies
{
    public static IEnumerable<LearnerEntry> All =>
    [
        new("mlp", "multi-layer perceptron (ReLU, Adam, early stopping on 10 % of the rows; standardized inputs)", (p, seed) => new NeuralClassifier(Options(p, seed)), (p, seed) => new NeuralRegressor(Options(p, seed)),
        [
            new FloatParameter("learning_rate", 1e-4, 1e-2) { Log = true, GridPoints = 4 },
            new IntParameter("units", 16, 256) { GridPoints = 4 },
        ]),
    ];

    private static NeuralOptions Options(LearnerParameters p, int seed)
    {
        var units = p.Int("units", 64);
        var layers = p.Int("layers", 2);
        return new NeuralOptions
        {
            Architecture = "mlp",
            Hidden = [.. Enumerable.Range(0, Math.Max(1, layers)).Select(i => Math.Max(1, units >> i))],
            Epochs = p.Int("epochs", 100),
            BatchSize = p.Int("batch_size", 128),
            LearningRate = (float)p.Double("learning_rate", 1e-3),
            Dropout = p.Double("dropout", 0),
            Patience = p.Int("patience", 10),
            Seed = seed,
        };
    }
}
