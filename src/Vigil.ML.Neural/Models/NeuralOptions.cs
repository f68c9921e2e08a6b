using System.Globalization;
using Vigil.ML.Neural.Training;

namespace Vigil.ML.Neural.Models;

/// <summary>The options of every neural learner (architecture, sizes, training); immutable and validated at construction.</summary>
/// <remarks>
/// Sequence architectures read each row as <see cref="Steps"/> time steps of FeatureCount / Steps channels, step-major
/// (a flattened [steps × channels] window). Defaults follow the C-MAPSS anchors of BENCHMARKS.md: Adam 1e-3, batch 256,
/// MSE, up to 30 epochs with early stopping (patience 10) and best-weights restore.
/// </remarks>
public sealed record NeuralOptions
{
    private readonly string _architecture = "mlp";
    private readonly int _steps = 1;
    private readonly IReadOnlyList<int> _hidden = [64, 32];
    private readonly int _units = 64;
    private readonly int _filters = 32;
    private readonly int _kernelSize = 3;
    private readonly int _denseUnits = 32;
    private readonly double _dropout;
    private readonly int _epochs = 30;
    private readonly int _batchSize = 256;
    private readonly float _learningRate = 1e-3f;
    private readonly string _optimizer = "adam";
    private readonly string _loss = "mse";
    private readonly int _patience = 10;
    private readonly double _validationFraction = 0.1;
    private readonly int _workers = Math.Min(2, Environment.ProcessorCount);
    private readonly double? _targetScale;
    private readonly string _schedule = "constant";

    /// <summary>The network family: mlp, lstm (2 stacked LSTM layers), gru (2 stacked GRU layers), cnn-lstm (Conv1D → ReLU → LSTM) or gld (GRU → LSTM → Dense → ReLU).</summary>
    public string Architecture { get => _architecture; init => _architecture = Architectures.Names.Contains(value) ? value : throw new ArgumentException($"Architecture: '{value}' is not one of {string.Join(", ", Architectures.Names)}.", nameof(Architecture)); }

    /// <summary>Time steps per row (1 for tabular rows); the feature count must be a multiple of it.</summary>
    public int Steps { get => _steps; init => _steps = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, "Steps must be at least 1."); }

    /// <summary>The hidden layer widths of an MLP (and the encoder widths of an autoencoder), each ≥ 1.</summary>
    public IReadOnlyList<int> Hidden { get => _hidden; init => _hidden = value is not null && value.All(v => v >= 1) ? [.. value] : throw new ArgumentException("Hidden: every width must be at least 1.", nameof(Hidden)); }

    /// <summary>The recurrent width of the LSTM/GRU layers; default 64.</summary>
    public int Units { get => _units; init => _units = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Units), value, "Units must be at least 1."); }

    /// <summary>The convolution filters of cnn-lstm; default 32.</summary>
    public int Filters { get => _filters; init => _filters = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Filters), value, "Filters must be at least 1."); }

    /// <summary>The convolution kernel of cnn-lstm (same padding); default 3.</summary>
    public int KernelSize { get => _kernelSize; init => _kernelSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(KernelSize), value, "KernelSize must be at least 1."); }

    /// <summary>The dense layer width after the recurrent stack of gld; default 32.</summary>
    public int DenseUnits { get => _denseUnits; init => _denseUnits = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(DenseUnits), value, "DenseUnits must be at least 1."); }

    /// <summary>Dropout rate after hidden dense layers and before the output head, in [0, 1); default 0.</summary>
    public double Dropout { get => _dropout; init => _dropout = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Dropout), value, "Dropout must be in [0, 1)."); }

    /// <summary>The most epochs; default 30.</summary>
    public int Epochs { get => _epochs; init => _epochs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Epochs), value, "Epochs must be at least 1."); }

    /// <summary>Rows per optimization step; default 256.</summary>
    public int BatchSize { get => _batchSize; init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize must be at least 1."); }

    /// <summary>The base learning rate; default 1e-3.</summary>
    public float LearningRate { get => _learningRate; init => _learningRate = value > 0 && float.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "LearningRate must be positive."); }

    /// <summary>adam, adamw or sgd (momentum 0.9); default adam.</summary>
    public string Optimizer { get => _optimizer; init => _optimizer = value is "adam" or "adamw" or "sgd" ? value : throw new ArgumentException($"Optimizer: '{value}' is not one of adam, adamw, sgd.", nameof(Optimizer)); }

    /// <summary>The regression loss: mse or huber (δ = 1 on the scaled target); default mse.</summary>
    public string Loss { get => _loss; init => _loss = value is "mse" or "huber" ? value : throw new ArgumentException($"Loss: '{value}' is not one of mse, huber.", nameof(Loss)); }

    /// <summary>The learning-rate schedule: constant or cosine (annealed to 1 % over <see cref="Epochs"/>); default constant.</summary>
    public string Schedule { get => _schedule; init => _schedule = value is "constant" or "cosine" ? value : throw new ArgumentException($"Schedule: '{value}' is not one of constant, cosine.", nameof(Schedule)); }

    /// <summary>Epochs without validation improvement before stopping (best weights are restored); default 10.</summary>
    public int Patience { get => _patience; init => _patience = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Patience), value, "Patience must be at least 1."); }

    /// <summary>The share of rows held out at random for early stopping when no validation set is given, in [0, 0.5]; 0 trains on every row for <see cref="Epochs"/> epochs; default 0.1.</summary>
    public double ValidationFraction { get => _validationFraction; init => _validationFraction = value is >= 0 and <= 0.5 ? value : throw new ArgumentOutOfRangeException(nameof(ValidationFraction), value, "ValidationFraction must be in [0, 0.5]."); }

    /// <summary>Data-parallel workers per step (deterministic reduction); default min(2, cores).</summary>
    public int Workers { get => _workers; init => _workers = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Workers), value, "Workers must be at least 1."); }

    /// <summary>The regression target is divided by this for training (e.g. the RUL cap 125, as the anchors do); null picks max |y| over the training rows.</summary>
    public double? TargetScale { get => _targetScale; init => _targetScale = value is null || (value > 0 && double.IsFinite(value.Value)) ? value : throw new ArgumentOutOfRangeException(nameof(TargetScale), value, "TargetScale must be positive."); }

    /// <summary>Whether inputs are standardized per channel (mean/std of the training rows) inside the model; default true (sequence inputs that are already scaled may turn it off).</summary>
    public bool StandardizeInputs { get; init; } = true;

    /// <summary>The seed of the weights, the shuffles, dropout and the validation split.</summary>
    public int Seed { get; init; }

    /// <summary>Builds the trainer options these settings imply for a regression or classification loss.</summary>
    internal TrainerOptions Trainer(ILoss loss, bool hasValidation) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Loss = loss,
        Optimizer = Optimizer switch
        {
            "adamw" => new AdamWOptions(),
            "sgd" => new SgdOptions { Momentum = 0.9f },
            _ => new AdamOptions(),
        },
        Schedule = Schedule == "cosine" ? new CosineAnnealingSchedule { MinRate = LearningRate / 100 } : LearningRateSchedule.Constant,
        Seed = Seed,
        Workers = Workers,
        EarlyStopping = hasValidation ? new EarlyStoppingOptions { Patience = Patience } : null,
    };

    /// <summary>A readable summary for model metadata.</summary>
    public IReadOnlyDictionary<string, string> Describe() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["architecture"] = Architecture,
        ["steps"] = Steps.ToString(CultureInfo.InvariantCulture),
        ["hidden"] = string.Join(',', Hidden),
        ["units"] = Units.ToString(CultureInfo.InvariantCulture),
        ["filters"] = Filters.ToString(CultureInfo.InvariantCulture),
        ["kernel_size"] = KernelSize.ToString(CultureInfo.InvariantCulture),
        ["dense_units"] = DenseUnits.ToString(CultureInfo.InvariantCulture),
        ["dropout"] = Dropout.ToString(CultureInfo.InvariantCulture),
        ["epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
        ["batch_size"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["learning_rate"] = LearningRate.ToString(CultureInfo.InvariantCulture),
        ["optimizer"] = Optimizer,
        ["loss"] = Loss,
        ["schedule"] = Schedule,
        ["patience"] = Patience.ToString(CultureInfo.InvariantCulture),
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
    };
}
