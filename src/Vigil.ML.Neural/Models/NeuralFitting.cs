using Vigil.ML.Neural.Training;

namespace Vigil.ML.Neural.Models;

/// <summary>Shared fitting steps of the neural learners: input checks, the seeded validation split, scaling and the trainer run.</summary>
internal static class NeuralFitting
{
    public static float[] ToFloats(FeatureMatrix features, string learner)
    {
        var source = features.Values;
        var values = new float[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            var v = source[i];
            if (!double.IsFinite(v))
            {
                var row = i / Math.Max(1, features.ColumnCount);
                throw new ArgumentException($"{learner}: feature {i % Math.Max(1, features.ColumnCount)} of row {row} is {(double.IsNaN(v) ? "NaN" : v.ToString(System.Globalization.CultureInfo.InvariantCulture))}; neural networks need finite inputs (impute missing values first).", nameof(features));
            }

            values[i] = (float)v;
        }

        return values;
    }

    public static SequenceShape Shape(NeuralOptions options, int featureCount)
    {
        if (featureCount == 0)
        {
            throw new ArgumentException("A neural network needs at least one feature.", nameof(featureCount));
        }

        if (featureCount % options.Steps != 0)
        {
            throw new ArgumentException($"Steps: {featureCount} features do not split into {options.Steps} steps of equal width.", nameof(options));
        }

        return new SequenceShape(options.Steps, featureCount / options.Steps);
    }

    /// <summary>Splits rows into train/validation by a seeded shuffle when the options ask for a random validation share.</summary>
    public static (TrainingData Train, TrainingData? Validation) Split(TrainingData data, NeuralOptions options)
    {
        var validationRows = (int)Math.Round(data.Rows * options.ValidationFraction);
        if (validationRows < 1 || data.Rows - validationRows < 1 || data.Rows < 20)
        {
            return (data, null);
        }

        var order = Enumerable.Range(0, data.Rows).ToArray();
        new Random(options.Seed ^ 0x5eed).Shuffle(order);
        return (Take(data, order.AsSpan(validationRows)), Take(data, order.AsSpan(0, validationRows)));
    }

    private static TrainingData Take(TrainingData data, ReadOnlySpan<int> rows)
    {
        var inputs = new float[rows.Length * data.InputSize];
        var targets = new float[rows.Length * data.TargetWidth];
        for (var i = 0; i < rows.Length; i++)
        {
            data.Inputs.AsSpan(rows[i] * data.InputSize, data.InputSize).CopyTo(inputs.AsSpan(i * data.InputSize));
            data.Targets.AsSpan(rows[i] * data.TargetWidth, data.TargetWidth).CopyTo(targets.AsSpan(i * data.TargetWidth));
        }

        return new TrainingData(inputs, data.InputSize, targets, data.TargetWidth);
    }

    /// <summary>Builds, trains and wraps a network; inputs are standardized in place of a copy when the options ask for it.</summary>
    public static (NeuralPredictor Predictor, NeuralTrainingSummary Summary) Train(
        NeuralOptions options, SequenceShape shape, int outputs, ILoss loss, TrainingData train, TrainingData? validation,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ChannelScaler? scaler = null;
        if (options.StandardizeInputs)
        {
            scaler = ChannelScaler.Fit(train.Inputs, shape.Channels);
            train = Scaled(train, scaler);
            validation = validation is null ? null : Scaled(validation, scaler);
        }

        var network = Network.Create(shape, Architectures.Create(options, outputs), options.Seed);
        var start = time.GetTimestamp();
        var result = new NeuralTrainer(time).Fit(network, train, validation, options.Trainer(loss, validation is not null), null, cancellationToken);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        if (result.Diverged)
        {
            throw new InvalidOperationException($"{options.Architecture}: training diverged (the loss became NaN or infinite) at epoch {result.EpochsRun}; lower the learning rate.");
        }

        var summary = new NeuralTrainingSummary(result.EpochsRun, result.BestEpoch, result.MeanEpochSeconds, result.BestLoss, result.StoppedEarly, seconds);
        return (new NeuralPredictor(network, scaler), summary);
    }

    private static TrainingData Scaled(TrainingData data, ChannelScaler scaler)
    {
        var inputs = new float[data.Inputs.Length];
        scaler.Transform(data.Inputs, inputs);
        return new TrainingData(inputs, data.InputSize, data.Targets, data.TargetWidth);
    }
}
