using Vigil.ML.Neural.Training;

namespace Vigil.ML.Neural.Models;

/// <summary>Neural network regression (MLP, LSTM, GRU, CNN-LSTM or GLD stack per <see cref="NeuralOptions.Architecture"/>) behind the common learner contract.</summary>
/// <remarks>
/// The target is divided by <see cref="NeuralOptions.TargetScale"/> (or max |y|) for training and multiplied back when predicting.
/// A constant target needs no network: the model stores the constant. Sample weights are not supported and rejected.
/// </remarks>
public sealed class NeuralRegressor : IRegressorLearner
{
    private readonly TimeProvider _time;

    /// <summary>Creates the learner; <paramref name="time"/> times the epochs (default the system clock).</summary>
    public NeuralRegressor(NeuralOptions? options = null, TimeProvider? time = null)
    {
        NeuralOptions = options ?? new NeuralOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => "Neural";

    /// <inheritdoc />
    public object Options => NeuralOptions;

    /// <summary>The typed options.</summary>
    public NeuralOptions NeuralOptions { get; }

    /// <inheritdoc />
    public IRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.HasSampleWeights)
        {
            throw new ArgumentException("Neural networks do not take sample weights.", nameof(data));
        }

        var shape = NeuralFitting.Shape(NeuralOptions, data.FeatureCount);
        var inputs = NeuralFitting.ToFloats(data.Features, NeuralOptions.Architecture);
        var targets = new float[data.RowCount];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = (float)data.Targets[i];
        }

        var all = new TrainingData(inputs, shape.Size, targets, 1);
        var (train, validation) = NeuralFitting.Split(all, NeuralOptions);
        return Fit(train, validation, cancellationToken);
    }

    /// <summary>Fits on float rows ([rows × steps × channels]) with an explicit validation set for early stopping (e.g. held-out units), or none.</summary>
    /// <exception cref="ArgumentException">The row width does not split into <see cref="NeuralOptions.Steps"/> steps, or the widths of the two sets differ.</exception>
    public NeuralRegressorModel Fit(TrainingData train, TrainingData? validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.TargetWidth != 1 || (validation is not null && (validation.TargetWidth != 1 || validation.InputSize != train.InputSize)))
        {
            throw new ArgumentException("Regression takes one target per row and equal input widths for training and validation.", nameof(validation));
        }

        var shape = NeuralFitting.Shape(NeuralOptions, train.InputSize);
        var first = train.Targets[0];
        if (train.Targets.All(t => t == first))
        {
            return new NeuralRegressorModel(shape, first, 1.0, null, NeuralTrainingSummary.None);
        }

        var scale = NeuralOptions.TargetScale ?? Math.Max(1e-12, train.Targets.Max(t => Math.Abs((double)t)));
        var scaledTrain = new TrainingData(train.Inputs, train.InputSize, [.. train.Targets.Select(t => (float)(t / scale))], 1);
        var scaledValidation = validation is null ? null : new TrainingData(validation.Inputs, validation.InputSize, [.. validation.Targets.Select(t => (float)(t / scale))], 1);
        ILoss loss = NeuralOptions.Loss == "huber" ? new HuberLoss(1f) : MeanSquaredError.Instance;
        var (predictor, summary) = NeuralFitting.Train(NeuralOptions, shape, 1, loss, scaledTrain, scaledValidation, _time, cancellationToken);
        return new NeuralRegressorModel(shape, null, scale, predictor, summary);
    }
}

/// <summary>A trained neural regressor: immutable and thread-safe; one row or one window scores without allocating.</summary>
public sealed class NeuralRegressorModel : IRegressorModel
{
    private readonly float? _constant;
    private readonly ThreadLocal<float[]> _output = new(() => new float[256]);

    internal NeuralRegressorModel(SequenceShape shape, float? constant, double targetScale, NeuralPredictor? predictor, NeuralTrainingSummary summary)
    {
        InputShape = shape;
        _constant = constant;
        TargetScale = targetScale;
        Predictor = predictor;
        Summary = summary;
    }

    /// <summary>The per-row input shape (steps × channels).</summary>
    public SequenceShape InputShape { get; }

    /// <summary>The factor the network's output is multiplied by.</summary>
    public double TargetScale { get; }

    /// <summary>The network and input scaler, or null for a constant model.</summary>
    public NeuralPredictor? Predictor { get; }

    /// <summary>What training did.</summary>
    public NeuralTrainingSummary Summary { get; }

    /// <inheritdoc />
    public int FeatureCount => InputShape.Size;

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> row)
    {
        Check(row.Length);
        if (Predictor is null)
        {
            return _constant!.Value;
        }

        var output = _output.Value!;
        Predictor.Run(row, output);
        return output[0] * TargetScale;
    }

    /// <summary>Scores one float row (e.g. a [steps × channels] window) without allocating.</summary>
    public double Predict(ReadOnlySpan<float> row)
    {
        Check(row.Length);
        if (Predictor is null)
        {
            return _constant!.Value;
        }

        var output = _output.Value!;
        Predictor.Run(row, output);
        return output[0] * TargetScale;
    }

    /// <inheritdoc />
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.ColumnCount != FeatureCount)
        {
            throw new ArgumentException($"The matrix has {features.ColumnCount} columns; the model takes {FeatureCount}.", nameof(features));
        }

        Score(features.RowCount, predictions, (start, n, output) => Predictor!.Run(features.Values.Slice(start * FeatureCount, n * FeatureCount), n, output));
    }

    /// <summary>Scores <paramref name="rows"/> float rows ([rows × steps × channels]).</summary>
    public void Predict(ReadOnlySpan<float> inputs, int rows, Span<double> predictions)
    {
        if (inputs.Length < rows * FeatureCount)
        {
            throw new ArgumentException($"The inputs hold {inputs.Length} floats; {rows} rows need {rows * FeatureCount}.", nameof(inputs));
        }

        if (Predictor is null)
        {
            predictions[..rows].Fill(_constant!.Value);
            return;
        }

        var buffer = new float[rows];
        Predictor.Run(inputs[..(rows * FeatureCount)], rows, buffer);
        for (var i = 0; i < rows; i++)
        {
            predictions[i] = buffer[i] * TargetScale;
        }
    }

    private void Score(int rows, Span<double> predictions, Action<int, int, Span<float>> run)
    {
        if (predictions.Length < rows)
        {
            throw new ArgumentException($"The destination holds {predictions.Length} values for {rows} rows.", nameof(predictions));
        }

        if (Predictor is null)
        {
            predictions[..rows].Fill(_constant!.Value);
            return;
        }

        var buffer = new float[rows];
        run(0, rows, buffer);
        for (var i = 0; i < rows; i++)
        {
            predictions[i] = buffer[i] * TargetScale;
        }
    }

    private void Check(int length)
    {
        if (length != FeatureCount)
        {
            throw new ArgumentException($"The row has {length} values; the model takes {FeatureCount} ({InputShape.Steps} steps × {InputShape.Channels} channels).", "row");
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(InputShape.Steps);
        writer.Write(InputShape.Channels);
        writer.Write(TargetScale);
        writer.Write(_constant.HasValue);
        if (_constant.HasValue)
        {
            writer.Write(_constant.Value);
        }

        Summary.Write(writer);
        writer.Write(Predictor is not null);
        Predictor?.Write(writer);
    }

    internal static NeuralRegressorModel Read(BinaryReader reader)
    {
        var shape = new SequenceShape(reader.ReadInt32(), reader.ReadInt32());
        var scale = reader.ReadDouble();
        float? constant = reader.ReadBoolean() ? reader.ReadSingle() : null;
        var summary = NeuralTrainingSummary.Read(reader);
        var predictor = reader.ReadBoolean() ? NeuralPredictor.Read(reader) : null;
        if (predictor is not null && predictor.InputSize != shape.Size)
        {
            throw new InvalidDataException($"The stored network takes {predictor.InputSize} inputs; the model declares {shape.Size}.");
        }

        return new NeuralRegressorModel(shape, constant, scale, predictor, summary);
    }
}
