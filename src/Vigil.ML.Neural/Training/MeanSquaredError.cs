using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Training;

/// <summary>Mean squared error: the row loss is the mean over the row of (prediction − target)², so the batch mean equals PyTorch's <c>MSELoss()</c>.</summary>
public sealed class MeanSquaredError : ILoss
{
    /// <summary>The shared instance (the loss has no settings).</summary>
    public static MeanSquaredError Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "mse";

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int width, float gradientScale)
    {
        var count = LossArguments.Check(predictions, targets, gradient, rows, width);
        var g = gradient[..count];
        TensorPrimitives.Subtract(predictions[..count], targets[..count], g);
        double sum = 0;
        for (var r = 0; r < rows; r++)
        {
            sum += TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)g.Slice(r * width, width));
        }

        TensorPrimitives.Multiply(g, 2f * gradientScale / width, g);
        return sum / width;
    }
}
