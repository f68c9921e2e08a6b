using Vigil.Data.Cmapss;
using Vigil.ML.Neural.Models;
using Vigil.ML.Neural.Training;
using Vigil.ML.Persistence;
using Vigil.ML.Rul;

namespace Vigil.ML.Neural.Rul;

/// <summary>The options of a <see cref="NeuralWindowLearner"/>: the network and training settings plus the RUL-specific choices.</summary>
public sealed record NeuralWindowOptions
{
    private readonly double _validationUnits = 0.1;
    private readonly double _cap = RulLabels.DefaultCap;

    /// <summary>The network and training settings (Steps is set to the window length; inputs arrive min-max scaled, so StandardizeInputs is off by default).</summary>
    public NeuralOptions Network { get; init; } = new() { Architecture = "cnn-lstm", StandardizeInputs = false };

    /// <summary>The share of training units (whole engines, never windows) held out for early stopping, in [0, 0.5]; default 0.1 (10 of FD001's 100, as the anchors).</summary>
    public double ValidationUnits { get => _validationUnits; init => _validationUnits = value is >= 0 and <= 0.5 ? value : throw new ArgumentOutOfRangeException(nameof(ValidationUnits), value, "ValidationUnits must be in [0, 0.5]."); }

    /// <summary>The RUL cap; the target is divided by it for training (the anchors' RUL/125).</summary>
    public double Cap { get => _cap; init => _cap = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Cap), value, "Cap must be positive."); }
}

/// <summary>Fits a sequence network (LSTM, GRU, CNN-LSTM, GLD, MLP) on raw RUL windows, early-stopping on held-out units.</summary>
public sealed class NeuralWindowLearner(NeuralWindowOptions? options = null, TimeProvider? time = null) : IWindowRegressorLearner
{
    /// <summary>The options.</summary>
    public NeuralWindowOptions WindowOptions { get; } = options ?? new NeuralWindowOptions();

    /// <inheritdoc />
    public string Name => WindowOptions.Network.Architecture;

    /// <inheritdoc />
    public object Options => WindowOptions;

    /// <summary>The training summary of the last fit is on the returned regressor's model; this fits a new one.</summary>
    public IWindowRegressor Fit(RulWindowSet training, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0 || training.Targets.Length != training.Count)
        {
            throw new ArgumentException($"Fitting needs labelled windows ({training.Count} windows, {training.Targets.Length} targets).", nameof(training));
        }

        var windows = training;
        var units = training.UnitIds.Distinct().Order().ToArray();
        var holdCount = (int)Math.Round(units.Length * WindowOptions.ValidationUnits);
        var held = new HashSet<int>();
        if (holdCount >= 1 && units.Length - holdCount >= 1)
        {
            var shuffled = (int[])units.Clone();
            new Random(WindowOptions.Network.Seed ^ 0x7e1d).Shuffle(shuffled);
            held.UnionWith(shuffled.Take(holdCount));
        }

        var size = windows.Length * windows.Features;
        TrainingData Take(bool validation)
        {
            var idx = Enumerable.Range(0, windows.Count).Where(i => held.Contains(windows.UnitIds[i]) == validation).ToArray();
            var x = new float[idx.Length * size];
            var y = new float[idx.Length];
            for (var i = 0; i < idx.Length; i++)
            {
                windows.Window(idx[i]).CopyTo(x.AsSpan(i * size));
                y[i] = windows.Targets[idx[i]];
            }

            return new TrainingData(x, size, y, 1);
        }

        var network = WindowOptions.Network with { Steps = windows.Length, TargetScale = WindowOptions.Cap, ValidationFraction = 0 };
        var model = new NeuralRegressor(network, time).Fit(Take(false), held.Count > 0 ? Take(true) : null, cancellationToken);
        return new NeuralWindowRegressor(training.Length, training.Features, model, network.Architecture);
    }
}

/// <summary>A trained sequence network that scores raw RUL windows.</summary>
public sealed class NeuralWindowRegressor : IWindowRegressor
{
    /// <summary>Wraps a network trained on windows of <paramref name="windowLength"/> × <paramref name="channels"/>.</summary>
    public NeuralWindowRegressor(int windowLength, int channels, NeuralRegressorModel model, string architecture)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.InputShape != new SequenceShape(windowLength, channels))
        {
            throw new ArgumentException($"The network takes {model.InputShape}; windows of {windowLength} × {channels} do not fit.", nameof(model));
        }

        (WindowLength, Channels, Model, Architecture) = (windowLength, channels, model, architecture);
    }

    /// <inheritdoc />
    public string Name => "neural/" + Architecture;

    /// <summary>The network family.</summary>
    public string Architecture { get; }

    /// <inheritdoc />
    public int WindowLength { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <summary>The trained network.</summary>
    public NeuralRegressorModel Model { get; }

    /// <inheritdoc />
    public void Predict(RulWindowSet windows, Span<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Length != WindowLength || windows.Features != Channels)
        {
            throw new ArgumentException($"Windows of {windows.Length} × {windows.Features} for a regressor of {WindowLength} × {Channels}.", nameof(windows));
        }

        if (predictions.Length < windows.Count)
        {
            throw new ArgumentException($"{predictions.Length} slots for {windows.Count} predictions.", nameof(predictions));
        }

        Model.Predict(windows.Values, windows.Count, predictions);
    }

    /// <summary>Scores one window ([WindowLength × Channels] scaled values) without allocating after the thread's first call.</summary>
    public double PredictOne(ReadOnlySpan<float> window) => Model.Predict(window);
}

/// <summary>The model-file codec of <see cref="NeuralWindowRegressor"/> (kind "vigil.neural-window-regressor").</summary>
public sealed class NeuralWindowRegressorCodec : ModelCodec<NeuralWindowRegressor>
{
    /// <inheritdoc />
    public override string Kind => "vigil.neural-window-regressor";

    /// <inheritdoc />
    public override void Write(NeuralWindowRegressor model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(codecs);
        writer.Write(model.WindowLength);
        writer.Write(model.Channels);
        writer.Write(model.Architecture);
        codecs.WriteNested(model.Model, writer);
    }

    /// <inheritdoc />
    public override NeuralWindowRegressor Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codecs);
        var length = reader.ReadInt32();
        var channels = reader.ReadInt32();
        var architecture = reader.ReadString();
        var model = codecs.ReadNested(reader, formatVersion) as NeuralRegressorModel
            ?? throw new InvalidDataException("A neural window regressor must hold a neural regressor.");
        return new NeuralWindowRegressor(length, channels, model, architecture);
    }
}
