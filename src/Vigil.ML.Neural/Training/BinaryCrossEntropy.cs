namespace Vigil.ML.Neural.Training;

/// <summary>Binary cross-entropy on logits, averaged over the row (PyTorch <c>BCEWithLogitsLoss()</c>); targets are probabilities in [0, 1].</summary>
/// <remarks>Computed as max(z, 0) − z·t + log(1 + e^−|z|), which never overflows; the gradient is σ(z) − t.</remarks>
public sealed class BinaryCrossEntropy : ILoss
{
    /// <summary>The shared instance (the loss has no settings).</summary>
    public static BinaryCrossEntropy Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "bce";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A target lies outside [0, 1].</exception>
    public double Evaluate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int width, float gradientScale)
    {
        var count = LossArguments.Check(predictions, targets, gradient, rows, width);
        var scale = gradientScale / width;
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            var z = (double)predictions[i];
            var t = targets[i];
            if (!(t >= 0f && t <= 1f))
            {
                throw new ArgumentException($"Binary cross-entropy needs targets in [0, 1]; target {i} is {t}.", nameof(targets));
            }

            var e = Math.Exp(-Math.Abs(z));
            sum += Math.Max(z, 0) - z * t + Math.Log(1 + e);
            var sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            gradient[i] = (float)(scale * (sigmoid - t));
        }

        return sum / width;
    }
}
