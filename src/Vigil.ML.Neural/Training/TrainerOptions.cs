namespace Vigil.ML.Neural.Training;

/// <summary>Early stopping on the monitored loss (validation loss when there is validation data, else training loss), as Keras' <c>EarlyStopping</c>.</summary>
public sealed record EarlyStoppingOptions
{
    private readonly int _patience = 10;
    private readonly double _minDelta;

    /// <summary>The epochs without improvement after which training stops, ≥ 1; default 10.</summary>
    public int Patience { get => _patience; init => _patience = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Patience), value, "Patience must be at least 1."); }

    /// <summary>The least decrease of the monitored loss that counts as an improvement, ≥ 0; default 0.</summary>
    public double MinDelta { get => _minDelta; init => _minDelta = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(MinDelta), value, "MinDelta must be a non-negative finite number."); }

    /// <summary>Whether to put back the weights of the best epoch when training ends after it; default true.</summary>
    public bool RestoreBestWeights { get; init; } = true;
}

/// <summary>Immutable, validated settings of <see cref="NeuralTrainer"/>; an invalid value throws an <see cref="ArgumentException"/> naming the option.</summary>
public sealed record TrainerOptions
{
    private readonly int _epochs = 100;
    private readonly int _batchSize = 256;
    private readonly ILoss _loss = MeanSquaredError.Instance;
    private readonly OptimizerOptions _optimizer = new AdamOptions();
    private readonly float _learningRate = 1e-3f;
    private readonly LearningRateSchedule _schedule = LearningRateSchedule.Constant;
    private readonly float? _clipNorm;
    private readonly float? _clipValue;
    private readonly int _workers = Math.Min(2, Environment.ProcessorCount);

    /// <summary>The most epochs to run, ≥ 1; default 100.</summary>
    public int Epochs { get => _epochs; init => _epochs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Epochs), value, "Epochs must be at least 1."); }

    /// <summary>The rows per optimizer step, ≥ 1; default 256. The last batch of an epoch may be smaller.</summary>
    public int BatchSize { get => _batchSize; init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize must be at least 1."); }

    /// <summary>The loss; default <see cref="MeanSquaredError"/>.</summary>
    public ILoss Loss { get => _loss; init => _loss = value ?? throw new ArgumentNullException(nameof(Loss)); }

    /// <summary>The optimizer settings; each run creates a fresh optimizer from them. Default <see cref="AdamOptions"/> with PyTorch defaults.</summary>
    public OptimizerOptions Optimizer { get => _optimizer; init => _optimizer = value ?? throw new ArgumentNullException(nameof(Optimizer)); }

    /// <summary>The base learning rate, &gt; 0; default 1e-3.</summary>
    public float LearningRate { get => _learningRate; init => _learningRate = value > 0f && float.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "LearningRate must be a positive finite number."); }

    /// <summary>The learning-rate schedule; default constant.</summary>
    public LearningRateSchedule Schedule { get => _schedule; init => _schedule = value ?? throw new ArgumentNullException(nameof(Schedule)); }

    /// <summary>When set, the batch gradient is clipped to this global L2 norm before each step; default none.</summary>
    public float? ClipNorm { get => _clipNorm; init => _clipNorm = value is null || (value > 0f && float.IsFinite(value.Value)) ? value : throw new ArgumentOutOfRangeException(nameof(ClipNorm), value, "ClipNorm must be null or a positive finite number."); }

    /// <summary>When set, every gradient value is clamped into [−ClipValue, ClipValue] (after norm clipping); default none.</summary>
    public float? ClipValue { get => _clipValue; init => _clipValue = value is null || (value > 0f && float.IsFinite(value.Value)) ? value : throw new ArgumentOutOfRangeException(nameof(ClipValue), value, "ClipValue must be null or a positive finite number."); }

    /// <summary>The seed of the shuffles and of the per-step dropout seeds; default 0. Weight initialization is the network's (see <see cref="Network.Create"/>).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The threads that share each batch (contiguous shards, one workspace each), ≥ 1; default min(2, processor count).
    /// Results are bit-identical across runs with the same settings; Workers = 1 and Workers = 2 differ only by the order in which
    /// float gradients are summed (and by dropout masks, which are seeded per shard).
    /// </summary>
    public int Workers { get => _workers; init => _workers = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Workers), value, "Workers must be at least 1."); }

    /// <summary>Early stopping; default patience 10 with best-weight restore; null disables it.</summary>
    public EarlyStoppingOptions? EarlyStopping { get; init; } = new();

    /// <summary>Whether to reshuffle the training rows every epoch; default true.</summary>
    public bool Shuffle { get; init; } = true;
}
