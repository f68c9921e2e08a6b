namespace Vigil.ML.Neural.Training;

/// <summary>The learning rate of one training run, step by step; created per run by a <see cref="LearningRateSchedule"/>, so stateful schedules never leak between runs.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The rate for the optimizer step <paramref name="step"/> (0-based within the epoch) of epoch <paramref name="epoch"/> (0-based).</summary>
    float Rate(int epoch, int step);

    /// <summary>Called once after each epoch with the monitored loss (validation loss when there is validation data, else training loss).</summary>
    void EndEpoch(int epoch, double monitoredLoss);
}

/// <summary>The immutable description of a learning-rate schedule; <see cref="Start"/> creates the per-run <see cref="ILearningRateSchedule"/>.</summary>
public abstract record LearningRateSchedule
{
    /// <summary>A constant rate (the trainer's default).</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>A short description for reports, e.g. "cosine(min=0, warmup=2)".</summary>
    public abstract string Describe();

    /// <summary>Creates the schedule of one run.</summary>
    /// <param name="baseRate">The trainer's learning rate.</param>
    /// <param name="epochs">The planned number of epochs.</param>
    /// <param name="stepsPerEpoch">The optimizer steps per epoch.</param>
    public abstract ILearningRateSchedule Start(float baseRate, int epochs, int stepsPerEpoch);

    internal static void CheckStart(float baseRate, int epochs, int stepsPerEpoch)
    {
        if (!(baseRate >= 0f) || !float.IsFinite(baseRate))
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, "The base learning rate must be a non-negative finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
    }

    internal static float Positive(float value, string name, bool allowZero = false)
    {
        if (!(allowZero ? value >= 0f : value > 0f) || !float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a {(allowZero ? "non-negative" : "positive")} finite number.");
        }

        return value;
    }

    /// <summary>A schedule that is a pure function of (epoch, step).</summary>
    private protected sealed class Stateless(Func<int, int, float> rate) : ILearningRateSchedule
    {
        public float Rate(int epoch, int step) => rate(epoch, step);

        public void EndEpoch(int epoch, double monitoredLoss)
        {
        }
    }
}

/// <summary>The base rate throughout.</summary>
public sealed record ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc />
    public override string Describe() => "constant";

    /// <inheritdoc />
    public override ILearningRateSchedule Start(float baseRate, int epochs, int stepsPerEpoch)
    {
        CheckStart(baseRate, epochs, stepsPerEpoch);
        return new Stateless((_, _) => baseRate);
    }
}

/// <summary>Step decay: base × γ^⌊epoch / StepEpochs⌋ (PyTorch <c>StepLR</c>).</summary>
public sealed record StepDecaySchedule : LearningRateSchedule
{
    private readonly int _stepEpochs = 10;
    private readonly float _gamma = 0.1f;

    /// <summary>The epochs between decays, ≥ 1; default 10.</summary>
    public int StepEpochs { get => _stepEpochs; init => _stepEpochs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(StepEpochs), value, "StepEpochs must be at least 1."); }

    /// <summary>The factor applied at each decay, &gt; 0; default 0.1.</summary>
    public float Gamma { get => _gamma; init => _gamma = Positive(value, nameof(Gamma)); }

    /// <inheritdoc />
    public override string Describe() => FormattableString.Invariant($"step(every={StepEpochs}, gamma={Gamma})");

    /// <inheritdoc />
    public override ILearningRateSchedule Start(float baseRate, int epochs, int stepsPerEpoch)
    {
        CheckStart(baseRate, epochs, stepsPerEpoch);
        var every = StepEpochs;
        var gamma = (double)Gamma;
        return new Stateless((epoch, _) => (float)(baseRate * Math.Pow(gamma, epoch / every)));
    }
}

/// <summary>Exponential decay: base × γ^epoch (PyTorch <c>ExponentialLR</c>).</summary>
public sealed record ExponentialSchedule : LearningRateSchedule
{
    private readonly float _gamma = 0.95f;

    /// <summary>The factor per epoch, &gt; 0; default 0.95.</summary>
    public float Gamma { get => _gamma; init => _gamma = Positive(value, nameof(Gamma)); }

    /// <inheritdoc />
    public override string Describe() => FormattableString.Invariant($"exponential(gamma={Gamma})");

    /// <inheritdoc />
    public override ILearningRateSchedule Start(float baseRate, int epochs, int stepsPerEpoch)
    {
        CheckStart(baseRate, epochs, stepsPerEpoch);
        var gamma = (double)Gamma;
        return new Stateless((epoch, _) => (float)(baseRate * Math.Pow(gamma, epoch)));
    }
}

/// <summary>
/// Cosine annealing from the base rate to <see cref="MinRate"/> over the run, per optimizer step, after an optional linear warm-up over
/// <see cref="WarmupEpochs"/>: rate = min + (base − min)·(1 + cos(π·progress))/2.
/// </summary>
/// <remarks>Loshchilov, I. &amp; Hutter, F. (2017). SGDR: Stochastic Gradient Descent with Warm Restarts. ICLR (a single cycle, no restarts). Linear warm-up as Goyal et al. (2017).</remarks>
public sealed record CosineAnnealingSchedule : LearningRateSchedule
{
    private readonly float _minRate;
    private readonly int _warmupEpochs;

    /// <summary>The rate at the end of the run, ≥ 0; default 0.</summary>
    public float MinRate { get => _minRate; init => _minRate = Positive(value, nameof(MinRate), allowZero: true); }

    /// <summary>The epochs of linear warm-up from base/warm-up-steps to base, ≥ 0; default 0.</summary>
    public int WarmupEpochs { get => _warmupEpochs; init => _warmupEpochs = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(WarmupEpochs), value, "WarmupEpochs must not be negative."); }

    /// <inheritdoc />
    public override string Describe() => FormattableString.Invariant($"cosine(min={MinRate}, warmup={WarmupEpochs})");

    /// <inheritdoc />
    public override ILearningRateSchedule Start(float baseRate, int epochs, int stepsPerEpoch)
    {
        CheckStart(baseRate, epochs, stepsPerEpoch);
        var min = (double)Math.Min(MinRate, baseRate);
        long warmup = Math.Min(WarmupEpochs, epochs) * (long)stepsPerEpoch;
        var total = epochs * (long)stepsPerEpoch;
        return new Stateless((epoch, step) =>
        {
            var global = epoch * (long)stepsPerEpoch + step;
            if (global < warmup)
            {
                return (float)(baseRate * (global + 1.0) / warmup);
            }

            var span = total - warmup;
            var progress = span <= 1 ? 0.0 : Math.Min(1.0, (global - warmup) / (double)(span - 1));
            return (float)(min + (baseRate - min) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
        });
    }
}

/// <summary>
/// Reduce on plateau: multiplies the rate by <see cref="Factor"/> once the monitored loss has not improved by the relative
/// <see cref="Threshold"/> for more than <see cref="Patience"/> epochs (PyTorch <c>ReduceLROnPlateau</c>, mode "min", relative threshold).
/// Stateful: each run gets its own state from <see cref="Start"/>.
/// </summary>
public sealed record ReduceOnPlateauSchedule : LearningRateSchedule
{
    private readonly float _factor = 0.1f;
    private readonly int _patience = 10;
    private readonly float _threshold = 1e-4f;
    private readonly int _cooldown;
    private readonly float _minRate;

    /// <summary>The factor in (0, 1) applied on a plateau; default 0.1.</summary>
    public float Factor { get => _factor; init => _factor = value > 0f && value < 1f ? value : throw new ArgumentOutOfRangeException(nameof(Factor), value, "Factor must lie in (0, 1)."); }

    /// <summary>The epochs without improvement tolerated before reducing, ≥ 0; default 10.</summary>
    public int Patience { get => _patience; init => _patience = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Patience), value, "Patience must not be negative."); }

    /// <summary>The relative improvement that counts, ≥ 0: loss &lt; best·(1 − threshold); default 1e-4.</summary>
    public float Threshold { get => _threshold; init => _threshold = value >= 0f && value < 1f ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, "Threshold must lie in [0, 1)."); }

    /// <summary>The epochs after a reduction during which bad epochs are not counted, ≥ 0; default 0.</summary>
    public int Cooldown { get => _cooldown; init => _cooldown = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Cooldown), value, "Cooldown must not be negative."); }

    /// <summary>The floor of the rate, ≥ 0; default 0.</summary>
    public float MinRate { get => _minRate; init => _minRate = Positive(value, nameof(MinRate), allowZero: true); }

    /// <inheritdoc />
    public override string Describe() => FormattableString.Invariant($"plateau(factor={Factor}, patience={Patience})");

    /// <inheritdoc />
    public override ILearningRateSchedule Start(float baseRate, int epochs, int stepsPerEpoch)
    {
        CheckStart(baseRate, epochs, stepsPerEpoch);
        return new Run(this, baseRate);
    }

    private sealed class Run(ReduceOnPlateauSchedule settings, float baseRate) : ILearningRateSchedule
    {
        private float _rate = baseRate;
        private double _best = double.PositiveInfinity;
        private int _bad;
        private int _cooldown;

        public float Rate(int epoch, int step) => _rate;

        public void EndEpoch(int epoch, double monitoredLoss)
        {
            if (monitoredLoss < _best * (1 - settings.Threshold))
            {
                _best = monitoredLoss;
                _bad = 0;
            }
            else
            {
                _bad++;
            }

            if (_cooldown > 0)
            {
                _cooldown--;
                _bad = 0;
            }

            if (_bad > settings.Patience)
            {
                _rate = Math.Max(_rate * settings.Factor, settings.MinRate);
                _cooldown = settings.Cooldown;
                _bad = 0;
            }
        }
    }
}
