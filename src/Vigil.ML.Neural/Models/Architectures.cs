using Vigil.ML.Neural.Layers;

namespace Vigil.ML.Neural.Models;

/// <summary>The named network families of the neural learners, built as layer stacks from <see cref="NeuralOptions"/>.</summary>
/// <remarks>
/// lstm, cnn-lstm and gld are the anchor architectures of BENCHMARKS.md (the latter two after the seed papers' CNN-LSTM and
/// GRU-LSTM-Dense stacks): LSTM 2×64 → Dense; Conv1D 32 k3 same → ReLU → LSTM 64 → Dense; GRU 64 → LSTM 64 → Dense 32 → ReLU → Dense.
/// </remarks>
public static class Architectures
{
    /// <summary>The known family names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mlp", "lstm", "gru", "cnn-lstm", "gld"];

    /// <summary>Whether the family reads rows as sequences.</summary>
    public static bool IsSequence(string name) => name != "mlp";

    /// <summary>Creates the unbuilt layers of <paramref name="options"/>.Architecture ending in <paramref name="outputs"/> linear outputs.</summary>
    public static IReadOnlyList<Layer> Create(NeuralOptions options, int outputs)
    {
        ArgumentNullException.ThrowIfNull(options);
        var layers = new List<Layer>();
        switch (options.Architecture)
        {
            case "mlp":
                if (options.Steps > 1)
                {
                    layers.Add(new FlattenLayer());
                }

                foreach (var width in options.Hidden)
                {
                    layers.Add(new DenseLayer(width, WeightInitialization.He));
                    layers.Add(new ActivationLayer(ActivationFunction.Relu));
                    AddDropout(layers, options);
                }

                break;
            case "lstm":
                layers.Add(new LstmLayer(options.Units, returnSequences: true));
                layers.Add(new LstmLayer(options.Units, returnSequences: false));
                AddDropout(layers, options);
                break;
            case "gru":
                layers.Add(new GruLayer(options.Units, returnSequences: true));
                layers.Add(new GruLayer(options.Units, returnSequences: false));
                AddDropout(layers, options);
                break;
            case "cnn-lstm":
                layers.Add(new Conv1DLayer(options.Filters, options.KernelSize, padding: Padding.Same));
                layers.Add(new ActivationLayer(ActivationFunction.Relu));
                layers.Add(new LstmLayer(options.Units, returnSequences: false));
                AddDropout(layers, options);
                break;
            case "gld":
                layers.Add(new GruLayer(options.Units, returnSequences: true));
                layers.Add(new LstmLayer(options.Units, returnSequences: false));
                layers.Add(new DenseLayer(options.DenseUnits, WeightInitialization.He));
                layers.Add(new ActivationLayer(ActivationFunction.Relu));
                AddDropout(layers, options);
                break;
            default:
                throw new ArgumentException($"Unknown architecture '{options.Architecture}'.", nameof(options));
        }

        layers.Add(new DenseLayer(outputs));
        return layers;
    }

    private static void AddDropout(List<Layer> layers, NeuralOptions options)
    {
        if (options.Dropout > 0)
        {
            layers.Add(new DropoutLayer(options.Dropout));
        }
    }
}
