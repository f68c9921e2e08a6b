using Vigil.ML.Neural.Training;

namespace Vigil.ML.Neural.Models;

/// <summary>Neural network classification (MLP, LSTM, GRU, CNN-LSTM or GLD stack) with a softmax head trained on cross-entropy, behind the common learner contract.</summary>
/// <remarks>A single-class training set needs no network: the model predicts that class. Sample weights are not supported and rejected.</remarks>
public sealed class NeuralClassifier : IClassifierLearner
{
    private readonly TimeProvider _time;

    /// <summary>Creates the learner; <paramref name="time"/> times the epochs (default the system clock).</summary>
    public NeuralClassifier(NeuralOptions? options = null, TimeProvider? time = null)
    {
        NeuralOptions = options ?? new NeuralOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => "NeuralClassifier";

    /// <inheritdoc />
    public object Options => NeuralOptions;

    /// <summary>The typed options.</summary>
    public NeuralOptions NeuralOptions { get; }

    /// <inheritdoc />
    public IClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.HasSampleWeights)
        {
            throw new ArgumentException("Neural networks do not take sample weights.", nameof(data));
        }

        var shape = NeuralFitting.Shape(NeuralOptions, data.FeatureCount);
        var inputs = NeuralFitting.ToFloats(data.Features, NeuralOptions.Architecture);
        var classes = data.ClassCount;
        var labels = data.Labels;
        var present = labels.ToArray().Distinct().ToArray();
        if (present.Length == 1)
        {
            return new NeuralClassifierModel(shape, classes, present[0], null, NeuralTrainingSummary.None);
        }

        var targets = new float[data.RowCount * classes];
        for (var i = 0; i < data.RowCount; i++)
        {
            targets[(i * classes) + labels[i]] = 1f;
        }

        var (train, validation) = NeuralFitting.Split(new TrainingData(inputs, shape.Size, targets, classes), NeuralOptions);
        var (predictor, summary) = NeuralFitting.Train(NeuralOptions, shape, classes, SoftmaxCrossEntropy.Instance, train, validation, _time, cancellationToken);
        return new NeuralClassifierModel(shape, classes, null, predictor, summary);
    }
}

/// <summary>A trained neural classifier: immutable and thread-safe; probabilities are the softmax of the network's logits.</summary>
public sealed class NeuralClassifierModel : IClassifierModel
{
    private readonly int? _onlyClass;
    private readonly ThreadLocal<float[]> _logits;

    internal NeuralClassifierModel(SequenceShape shape, int classes, int? onlyClass, NeuralPredictor? predictor, NeuralTrainingSummary summary)
    {
        InputShape = shape;
        ClassCount = classes;
        _onlyClass = onlyClass;
        Predictor = predictor;
        Summary = summary;
        _logits = new ThreadLocal<float[]>(() => new float[classes]);
    }

    /// <summary>The per-row input shape (steps × channels).</summary>
    public SequenceShape InputShape { get; }

    /// <summary>The network and input scaler, or null when training saw one class.</summary>
    public NeuralPredictor? Predictor { get; }

    /// <summary>What training did.</summary>
    public NeuralTrainingSummary Summary { get; }

    /// <inheritdoc />
    public int FeatureCount => InputShape.Size;

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <inheritdoc />
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"The row has {row.Length} values; the model takes {FeatureCount}.", nameof(row));
        }

        if (probabilities.Length < ClassCount)
        {
            throw new ArgumentException($"The destination holds {probabilities.Length} values for {ClassCount} classes.", nameof(probabilities));
        }

        if (Predictor is null)
        {
            probabilities[..ClassCount].Clear();
            probabilities[_onlyClass!.Value] = 1;
            return;
        }

        var logits = _logits.Value!;
        Predictor.Run(row, logits);
        Softmax(logits, probabilities);
    }

    /// <inheritdoc />
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.ColumnCount != FeatureCount)
        {
            throw new ArgumentException($"The matrix has {features.ColumnCount} columns; the model takes {FeatureCount}.", nameof(features));
        }

        var rows = features.RowCount;
        if (probabilities.Length < rows * ClassCount)
        {
            throw new ArgumentException($"The destination holds {probabilities.Length} values; {rows} rows need {rows * ClassCount}.", nameof(probabilities));
        }

        if (Predictor is null)
        {
            probabilities[..(rows * ClassCount)].Clear();
            for (var r = 0; r < rows; r++)
            {
                probabilities[(r * ClassCount) + _onlyClass!.Value] = 1;
            }

            return;
        }

        var logits = new float[rows * ClassCount];
        Predictor.Run(features.Values, rows, logits);
        for (var r = 0; r < rows; r++)
        {
            Softmax(logits.AsSpan(r * ClassCount, ClassCount), probabilities.Slice(r * ClassCount, ClassCount));
        }
    }

    private static void Softmax(ReadOnlySpan<float> logits, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = Math.Exp(logits[i] - max);
            sum += probabilities[i];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(InputShape.Steps);
        writer.Write(InputShape.Channels);
        writer.Write(ClassCount);
        writer.Write(_onlyClass ?? -1);
        Summary.Write(writer);
        writer.Write(Predictor is not null);
        Predictor?.Write(writer);
    }

    internal static NeuralClassifierModel Read(BinaryReader reader)
    {
        var shape = new SequenceShape(reader.ReadInt32(), reader.ReadInt32());
        var classes = reader.ReadInt32();
        var only = reader.ReadInt32();
        var summary = NeuralTrainingSummary.Read(reader);
        var predictor = reader.ReadBoolean() ? NeuralPredictor.Read(reader) : null;
        return new NeuralClassifierModel(shape, classes, only < 0 ? null : only, predictor, summary);
    }
}
