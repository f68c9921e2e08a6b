using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Training;

/// <summary>In-place gradient clipping, by the global L2 norm over all buffers (PyTorch <c>clip_grad_norm_</c>) or element-wise by value (<c>clip_grad_value_</c>).</summary>
/// <remarks>Norm clipping as in Pascanu, Mikolov &amp; Bengio (2013), On the difficulty of training recurrent neural networks. ICML.</remarks>
public static class GradientClipping
{
    /// <summary>The global L2 norm √(Σ g²) over every buffer, accumulated in double per buffer.</summary>
    public static double GlobalNorm(IReadOnlyList<float[]> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        double sum = 0;
        for (var i = 0; i < gradients.Count; i++)
        {
            sum += TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)gradients[i]);
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Scales every buffer by maxNorm / (norm + 1e-6) when the global norm exceeds <paramref name="maxNorm"/>, and returns the norm before clipping.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not a positive finite number.</exception>
    public static double ClipByGlobalNorm(IReadOnlyList<float[]> gradients, float maxNorm)
    {
        if (!(maxNorm > 0f) || !float.IsFinite(maxNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The clipping norm must be a positive finite number.");
        }

        var norm = GlobalNorm(gradients);
        if (norm > maxNorm)
        {
            var scale = (float)(maxNorm / (norm + 1e-6));
            for (var i = 0; i < gradients.Count; i++)
            {
                TensorPrimitives.Multiply(gradients[i], scale, gradients[i]);
            }
        }

        return norm;
    }

    /// <summary>Clamps every gradient value into [−<paramref name="limit"/>, <paramref name="limit"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not a positive finite number.</exception>
    public static void ClipByValue(IReadOnlyList<float[]> gradients, float limit)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (!(limit > 0f) || !float.IsFinite(limit))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The clipping limit must be a positive finite number.");
        }

        for (var i = 0; i < gradients.Count; i++)
        {
            TensorPrimitives.Min(gradients[i], limit, gradients[i]);
            TensorPrimitives.Max(gradients[i], -limit, gradients[i]);
        }
    }
}
