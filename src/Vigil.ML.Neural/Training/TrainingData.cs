namespace Vigil.ML.Neural.Training;

/// <summary>Training or validation examples: inputs [rows × InputSize] and targets [rows × TargetWidth], row-major, held by reference (do not change them during a fit).</summary>
public sealed class TrainingData
{
    /// <summary>Wraps the arrays after checking that they hold the same whole number of rows.</summary>
    /// <param name="inputs">[rows × <paramref name="inputSize"/>] inputs, each row one example in the network's input layout ([steps, channels]).</param>
    /// <param name="inputSize">The floats per input row (the network's <see cref="SequenceShape.Size"/>).</param>
    /// <param name="targets">[rows × <paramref name="targetWidth"/>] targets.</param>
    /// <param name="targetWidth">The floats per target row (the network's output size).</param>
    /// <exception cref="ArgumentException">The lengths are not whole, equal row counts, or there are no rows.</exception>
    public TrainingData(float[] inputs, int inputSize, float[] targets, int targetWidth)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWidth, 1);
        if (inputs.Length == 0 || inputs.Length % inputSize != 0)
        {
            throw new ArgumentException($"The inputs hold {inputs.Length} floats, not a positive multiple of the input size {inputSize}.", nameof(inputs));
        }

        var rows = inputs.Length / inputSize;
        if (targets.Length != (long)rows * targetWidth)
        {
            throw new ArgumentException($"The inputs hold {rows} rows, so the targets need {(long)rows * targetWidth} floats ({targetWidth} per row); they hold {targets.Length}.", nameof(targets));
        }

        Inputs = inputs;
        Targets = targets;
        InputSize = inputSize;
        TargetWidth = targetWidth;
        Rows = rows;
    }

    /// <summary>The inputs, [Rows × InputSize].</summary>
    public float[] Inputs { get; }

    /// <summary>The targets, [Rows × TargetWidth].</summary>
    public float[] Targets { get; }

    /// <summary>The floats per input row.</summary>
    public int InputSize { get; }

    /// <summary>The floats per target row.</summary>
    public int TargetWidth { get; }

    /// <summary>The number of examples.</summary>
    public int Rows { get; }
}

/// <summary>What happened in one epoch.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="TrainLoss">The mean training loss per row over the epoch (training mode, before each step's update).</param>
/// <param name="ValidationLoss">The mean validation loss per row in inference mode after the epoch, or null without validation data.</param>
/// <param name="ValidationRmse">The root mean squared error over every validation output value, or null without validation data.</param>
/// <param name="LearningRate">The learning rate of the epoch's last step.</param>
/// <param name="Seconds">The optimization time of the epoch (shuffle, forward, backward, reduction, update), excluding validation.</param>
/// <param name="GradientNorm">The mean pre-clipping global gradient norm over the epoch's steps, or null when no norm clipping was configured.</param>
public sealed record EpochReport(int Epoch, double TrainLoss, double? ValidationLoss, double? ValidationRmse, float LearningRate, double Seconds, double? GradientNorm);

/// <summary>The outcome of <see cref="NeuralTrainer.Fit"/>.</summary>
/// <param name="History">One report per epoch run.</param>
/// <param name="BestEpoch">The epoch (from 1) with the lowest monitored loss.</param>
/// <param name="BestLoss">That loss (validation loss when there was validation data, else training loss).</param>
/// <param name="EpochsRun">The number of epochs run.</param>
/// <param name="MeanEpochSeconds">The mean optimization seconds per epoch (excluding validation).</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the planned epochs.</param>
/// <param name="RestoredBestWeights">Whether the best epoch's weights were put back at the end.</param>
/// <param name="Diverged">Whether training stopped because the training loss became NaN or infinite.</param>
public sealed record TrainingResult(
    IReadOnlyList<EpochReport> History, int BestEpoch, double BestLoss, int EpochsRun, double MeanEpochSeconds,
    bool StoppedEarly, bool RestoredBestWeights, bool Diverged);
