using Vigil.ML.Neural.Layers;
using Vigil.ML.Neural.Training;

namespace Vigil.ML.Neural.Models;

/// <summary>The options of a <see cref="DenseAutoencoder"/>: encoder widths (the last is the bottleneck; the decoder mirrors them), training settings and the share of training rows flagged as anomalous.</summary>
public sealed record AutoencoderOptions
{
    private readonly IReadOnlyList<int> _encoder = [16, 4];
    private readonly double _contamination = 0.01;

    /// <summary>The encoder widths, the last being the code size; each ≥ 1; default 16, 4.</summary>
    public IReadOnlyList<int> Encoder { get => _encoder; init => _encoder = value is { Count: > 0 } && value.All(v => v >= 1) ? [.. value] : throw new ArgumentException("Encoder: give at least one width, each at least 1.", nameof(Encoder)); }

    /// <summary>The share of training rows whose reconstruction error lies above the threshold, in (0, 0.5); default 0.01 (the 99th percentile).</summary>
    public double Contamination { get => _contamination; init => _contamination = value is > 0 and < 0.5 ? value : throw new ArgumentOutOfRangeException(nameof(Contamination), value, "Contamination must be in (0, 0.5)."); }

    /// <summary>Training settings (epochs, batch, learning rate, optimizer, validation share, seed); the architecture field is ignored.</summary>
    public NeuralOptions Training { get; init; } = new() { Epochs = 50, ValidationFraction = 0.1 };
}

/// <summary>A dense autoencoder anomaly detector: rows are standardized, squeezed through a bottleneck and reconstructed; the anomaly score is the mean squared reconstruction error.</summary>
/// <remarks>Hinton &amp; Salakhutdinov 2006; reconstruction-error scoring as in Sakurada &amp; Yairi 2014. The threshold is the (1 − contamination) quantile of the training rows' scores.</remarks>
public sealed class DenseAutoencoder(AutoencoderOptions? options = null, TimeProvider? time = null)
{
    /// <summary>The options.</summary>
    public AutoencoderOptions Options { get; } = options ?? new AutoencoderOptions();

    /// <summary>Fits on rows assumed mostly normal.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or there are fewer than 2 rows.</exception>
    public AutoencoderModel Fit(FeatureMatrix features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.RowCount < 2 || features.ColumnCount < 1)
        {
            throw new ArgumentException($"An autoencoder needs at least 2 rows and 1 feature; got {features.RowCount} × {features.ColumnCount}.", nameof(features));
        }

        var width = features.ColumnCount;
        var raw = NeuralFitting.ToFloats(features, "autoencoder");
        var scaler = ChannelScaler.Fit(raw, width);
        var inputs = new float[raw.Length];
        scaler.Transform(raw, inputs);
        var options = Options.Training with { StandardizeInputs = false, Steps = 1 };
        var (train, validation) = NeuralFitting.Split(new TrainingData(inputs, width, inputs, width), options);
        var layers = new List<Layer>();
        foreach (var w in Options.Encoder)
        {
            layers.Add(new DenseLayer(w, WeightInitialization.He));
            layers.Add(new ActivationLayer(ActivationFunction.Relu));
        }

        for (var i = Options.Encoder.Count - 2; i >= 0; i--)
        {
            layers.Add(new DenseLayer(Options.Encoder[i], WeightInitialization.He));
            layers.Add(new ActivationLayer(ActivationFunction.Relu));
        }

        layers.Add(new DenseLayer(width));
        var network = Network.Create(SequenceShape.Dense(width), layers, options.Seed);
        var result = new NeuralTrainer(time ?? TimeProvider.System).Fit(network, train, validation, options.Trainer(MeanSquaredError.Instance, validation is not null), null, cancellationToken);
        var model = new AutoencoderModel(new NeuralPredictor(network, scaler), 0, new NeuralTrainingSummary(result.EpochsRun, result.BestEpoch, result.MeanEpochSeconds, result.BestLoss, result.StoppedEarly, 0));
        var scores = model.Score(features);
        Array.Sort(scores);
        var threshold = scores[Math.Clamp((int)Math.Ceiling((1 - Options.Contamination) * scores.Length) - 1, 0, scores.Length - 1)];
        return model.WithThreshold(threshold);
    }
}

/// <summary>A trained autoencoder: anomaly score = mean squared reconstruction error of the standardized row; rows above <see cref="Threshold"/> are anomalies.</summary>
public sealed class AutoencoderModel
{
    private readonly ThreadLocal<float[]> _output;
    private readonly ThreadLocal<float[]> _scaled;

    internal AutoencoderModel(NeuralPredictor predictor, double threshold, NeuralTrainingSummary summary)
    {
        Predictor = predictor;
        Threshold = threshold;
        Summary = summary;
        _output = new ThreadLocal<float[]>(() => new float[predictor.OutputSize]);
        _scaled = new ThreadLocal<float[]>(() => new float[predictor.InputSize]);
    }

    /// <summary>The network and its input scaler.</summary>
    public NeuralPredictor Predictor { get; }

    /// <summary>Scores above this are anomalies (the training rows' (1 − contamination) quantile).</summary>
    public double Threshold { get; }

    /// <summary>What training did.</summary>
    public NeuralTrainingSummary Summary { get; }

    /// <summary>The number of features per row.</summary>
    public int FeatureCount => Predictor.InputSize;

    internal AutoencoderModel WithThreshold(double threshold) => new(Predictor, threshold, Summary);

    /// <summary>The mean squared reconstruction error of one row in standardized units; no allocation after the thread's first call.</summary>
    public double Score(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"The row has {row.Length} values; the model takes {FeatureCount}.", nameof(row));
        }

        var output = _output.Value!;
        var scaled = _scaled.Value!;
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (float)row[i];
        }

        Predictor.Scaler!.Transform(scaled, scaled);
        Predictor.Run(row, output);
        double sum = 0;
        for (var i = 0; i < scaled.Length; i++)
        {
            var d = (double)output[i] - scaled[i];
            sum += d * d;
        }

        return sum / scaled.Length;
    }

    /// <summary>The score of every row.</summary>
    public double[] Score(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var scores = new double[features.RowCount];
        for (var r = 0; r < scores.Length; r++)
        {
            scores[r] = Score(features.Row(r));
        }

        return scores;
    }

    /// <summary>Whether the row's score exceeds <see cref="Threshold"/>.</summary>
    public bool IsAnomaly(ReadOnlySpan<double> row) => Score(row) > Threshold;

    /// <summary>Writes the model.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Threshold);
        Summary.Write(writer);
        Predictor.Write(writer);
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static AutoencoderModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var threshold = reader.ReadDouble();
        var summary = NeuralTrainingSummary.Read(reader);
        return new AutoencoderModel(NeuralPredictor.Read(reader), threshold, summary);
    }
}
