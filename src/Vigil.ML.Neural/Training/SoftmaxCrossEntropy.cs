using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Training;

/// <summary>Softmax cross-entropy on logits over the row's classes: row loss −Σₖ tₖ log softmax(z)ₖ (PyTorch <c>CrossEntropyLoss()</c> with one-hot or probability targets).</summary>
/// <remarks>Uses the log-sum-exp shift by the row maximum; the gradient is softmax(z)·Σₖtₖ − t (softmax(z) − t for probability rows).</remarks>
public sealed class SoftmaxCrossEntropy : ILoss
{
    /// <summary>The shared instance (the loss has no settings).</summary>
    public static SoftmaxCrossEntropy Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "softmax-ce";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A target is negative or not finite.</exception>
    public double Evaluate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int width, float gradientScale)
    {
        LossArguments.Check(predictions, targets, gradient, rows, width);
        double sum = 0;
        for (var r = 0; r < rows; r++)
        {
            var z = predictions.Slice(r * width, width);
            var t = targets.Slice(r * width, width);
            var g = gradient.Slice(r * width, width);
            var max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, g);
            TensorPrimitives.Exp(g, g);
            var expSum = (double)TensorPrimitives.Sum((ReadOnlySpan<float>)g);
            var logSumExp = max + Math.Log(expSum);
            double targetSum = 0;
            double loss = 0;
            for (var k = 0; k < width; k++)
            {
                var tk = t[k];
                if (!(tk >= 0f) || !float.IsFinite(tk))
                {
                    throw new ArgumentException($"Softmax cross-entropy needs non-negative targets; target {r * width + k} is {tk}.", nameof(targets));
                }

                targetSum += tk;
                if (tk != 0f)
                {
                    loss += tk * (logSumExp - z[k]);
                }
            }

            sum += loss;
            var probabilityScale = (float)(gradientScale * targetSum / expSum);
            TensorPrimitives.Multiply(g, probabilityScale, g);
            TensorPrimitives.MultiplyAdd(t, -gradientScale, g, g);
        }

        return sum;
    }
}
