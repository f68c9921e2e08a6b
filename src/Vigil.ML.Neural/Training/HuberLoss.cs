namespace Vigil.ML.Neural.Training;

/// <summary>The Huber loss: ½d² for |d| ≤ δ and δ(|d| − ½δ) beyond, averaged over the row (PyTorch <c>HuberLoss(delta)</c>).</summary>
/// <remarks>Huber, P. J. (1964). Robust Estimation of a Location Parameter. Annals of Mathematical Statistics 35(1).</remarks>
public sealed class HuberLoss : ILoss
{
    /// <summary>Creates the loss with threshold <paramref name="delta"/> (default 1, as PyTorch).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not a positive finite number.</exception>
    public HuberLoss(float delta = 1f)
    {
        if (!(delta > 0f) || !float.IsFinite(delta))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "The Huber delta must be a positive finite number.");
        }

        Delta = delta;
    }

    /// <summary>The threshold between the quadratic and the linear part.</summary>
    public float Delta { get; }

    /// <inheritdoc />
    public string Name => "huber";

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int width, float gradientScale)
    {
        var count = LossArguments.Check(predictions, targets, gradient, rows, width);
        var delta = Delta;
        var scale = gradientScale / width;
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            var d = predictions[i] - targets[i];
            var a = MathF.Abs(d);
            if (a <= delta)
            {
                sum += 0.5 * d * d;
                gradient[i] = scale * d;
            }
            else
            {
                sum += delta * (a - 0.5 * delta);
                gradient[i] = scale * (d > 0 ? delta : -delta);
            }
        }

        return sum / width;
    }
}
