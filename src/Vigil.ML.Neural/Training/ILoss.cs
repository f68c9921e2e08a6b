namespace Vigil.ML.Neural.Training;

/// <summary>A training loss over rows of predictions (network outputs) and targets of the same width, with its gradient.</summary>
/// <remarks>Implementations are immutable, thread-safe and never allocate in <see cref="Evaluate"/>, so every worker can call one instance concurrently.</remarks>
public interface ILoss
{
    /// <summary>A short stable name for reports, e.g. "mse".</summary>
    string Name { get; }

    /// <summary>
    /// Returns the SUM over <paramref name="rows"/> of the per-row loss and WRITES
    /// <paramref name="gradient"/> = <paramref name="gradientScale"/> × d(row loss)/d(prediction) for every prediction.
    /// </summary>
    /// <param name="predictions">[rows × width] network outputs.</param>
    /// <param name="targets">[rows × width] targets.</param>
    /// <param name="gradient">[rows × width] destination of the scaled gradient.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="width">The values per row.</param>
    /// <param name="gradientScale">The factor applied to the gradient; the trainer passes 1 / (full batch rows) so the shards' gradients sum to the batch mean.</param>
    double Evaluate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int width, float gradientScale);
}

/// <summary>Argument checks shared by the losses.</summary>
internal static class LossArguments
{
    public static int Check(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var count = rows * width;
        if (predictions.Length < count || targets.Length < count || gradient.Length < count)
        {
            throw new ArgumentException($"{rows} rows of width {width} need {count} predictions, targets and gradient slots; got {predictions.Length}, {targets.Length} and {gradient.Length}.");
        }

        return count;
    }
}
