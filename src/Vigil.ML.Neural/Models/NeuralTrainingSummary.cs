namespace Vigil.ML.Neural.Models;

/// <summary>What training a neural model did: epochs run, the best epoch, mean optimization seconds per epoch and the best validation loss.</summary>
/// <param name="EpochsRun">Epochs run.</param>
/// <param name="BestEpoch">The epoch whose weights the model holds (from 1).</param>
/// <param name="MeanEpochSeconds">Mean optimization seconds per epoch (excluding validation).</param>
/// <param name="BestLoss">The best monitored loss (validation when there was a validation set).</param>
/// <param name="StoppedEarly">Whether early stopping ended training.</param>
/// <param name="TrainSeconds">Wall seconds of the whole fit including validation passes.</param>
public sealed record NeuralTrainingSummary(int EpochsRun, int BestEpoch, double MeanEpochSeconds, double BestLoss, bool StoppedEarly, double TrainSeconds)
{
    /// <summary>The summary of a model that needed no training (e.g. a constant target).</summary>
    public static NeuralTrainingSummary None { get; } = new(0, 0, 0, 0, false, 0);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(EpochsRun);
        writer.Write(BestEpoch);
        writer.Write(MeanEpochSeconds);
        writer.Write(BestLoss);
        writer.Write(StoppedEarly);
        writer.Write(TrainSeconds);
    }

    internal static NeuralTrainingSummary Read(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadBoolean(), reader.ReadDouble());
}
