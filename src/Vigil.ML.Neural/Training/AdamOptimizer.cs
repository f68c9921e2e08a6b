using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Training;

/// <summary>Settings of Adam (defaults as PyTorch: β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay).</summary>
public record AdamOptions : OptimizerOptions
{
    private readonly float _beta1 = 0.9f;
    private readonly float _beta2 = 0.999f;
    private readonly float _epsilon = 1e-8f;
    private readonly float _weightDecay;

    /// <summary>The decay of the first-moment estimate, in [0, 1); default 0.9.</summary>
    public float Beta1 { get => _beta1; init => _beta1 = Check(value, nameof(Beta1), 0f, 1f, true, false); }

    /// <summary>The decay of the second-moment estimate, in [0, 1); default 0.999.</summary>
    public float Beta2 { get => _beta2; init => _beta2 = Check(value, nameof(Beta2), 0f, 1f, true, false); }

    /// <summary>The term added to the denominator for stability, &gt; 0; default 1e-8.</summary>
    public float Epsilon { get => _epsilon; init => _epsilon = Check(value, nameof(Epsilon), 0f, float.MaxValue, false, true); }

    /// <summary>
    /// Adam: the L2 penalty λ added to the gradient as λ·w for every parameter (PyTorch <c>Adam(weight_decay)</c>), default 0.
    /// AdamW: the decoupled decay factor, applied only to parameters with <see cref="Parameter.Decays"/>, default 0.01.
    /// </summary>
    public float WeightDecay { get => _weightDecay; init => _weightDecay = Check(value, nameof(WeightDecay), 0f, float.MaxValue, true, true); }

    /// <inheritdoc />
    public override IOptimizer Create() => new AdamOptimizer(this);
}

/// <summary>Settings of AdamW: Adam with decoupled weight decay (default 0.01, as PyTorch's <c>AdamW</c>).</summary>
public sealed record AdamWOptions : AdamOptions
{
    /// <summary>Creates the settings with PyTorch's default decay 0.01.</summary>
    public AdamWOptions()
    {
        WeightDecay = 0.01f;
    }

    /// <inheritdoc />
    public override IOptimizer Create() => new AdamWOptimizer(this);
}

/// <summary>
/// Adam: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε), with the bias correction placed as in PyTorch.
/// </summary>
/// <remarks>Kingma, D. P. &amp; Ba, J. (2015). Adam: A Method for Stochastic Optimization. ICLR.</remarks>
public class AdamOptimizer : IOptimizer
{
    private readonly OptimizerBinding _binding = new();
    private float[][] _m = [];
    private float[][] _v = [];
    private float[] _scratch = [];
    private float[] _gradient = [];

    /// <summary>Creates an optimizer with empty state.</summary>
    public AdamOptimizer(AdamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public AdamOptions Options { get; }

    /// <inheritdoc />
    public virtual string Name => "adam";

    /// <inheritdoc />
    public long Steps { get; private set; }

    /// <summary>Whether weight decay is decoupled (AdamW) rather than added to the gradient (Adam).</summary>
    private protected virtual bool Decoupled => false;

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, IReadOnlyList<float[]> gradients, float learningRate)
    {
        if (_binding.Bind(parameters, gradients, learningRate))
        {
            _m = _binding.ZeroBuffers();
            _v = _binding.ZeroBuffers();
            _scratch = _binding.Scratch();
            _gradient = _binding.Scratch();
        }

        Steps++;
        double beta1 = Options.Beta1, beta2 = Options.Beta2;
        var biasCorrection1 = 1 - Math.Pow(beta1, Steps);
        var biasCorrection2 = 1 - Math.Pow(beta2, Steps);
        var stepSize = (float)(learningRate / biasCorrection1);
        var inverseRootCorrection2 = (float)(1 / Math.Sqrt(biasCorrection2));
        var decay = Options.WeightDecay;
        var epsilon = Options.Epsilon;

        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var w = parameter.Value.AsSpan();
            ReadOnlySpan<float> g = gradients[i];
            if (decay != 0f)
            {
                if (Decoupled)
                {
                    if (parameter.Decays)
                    {
                        TensorPrimitives.Multiply(w, 1f - learningRate * decay, w);
                    }
                }
                else
                {
                    var decayed = _gradient.AsSpan(0, w.Length);
                    TensorPrimitives.MultiplyAdd(w, decay, g, decayed);
                    g = decayed;
                }
            }

            var m = _m[i].AsSpan();
            var v = _v[i].AsSpan();
            var scratch = _scratch.AsSpan(0, w.Length);

            TensorPrimitives.Multiply(m, Options.Beta1, m);
            TensorPrimitives.MultiplyAdd(g, 1f - Options.Beta1, m, m);

            TensorPrimitives.Multiply(g, g, scratch);
            TensorPrimitives.Multiply(v, Options.Beta2, v);
            TensorPrimitives.MultiplyAdd(scratch, 1f - Options.Beta2, v, v);

            TensorPrimitives.Sqrt(v, scratch);
            TensorPrimitives.Multiply(scratch, inverseRootCorrection2, scratch);
            TensorPrimitives.Add(scratch, epsilon, scratch);
            TensorPrimitives.Divide(m, scratch, scratch);
            TensorPrimitives.MultiplyAdd(scratch, -stepSize, w, w);
        }
    }
}

/// <summary>AdamW: Adam whose weight decay shrinks the weights directly (w ← w·(1 − η·λ)) before the Adam update, only for parameters with <see cref="Parameter.Decays"/> (not biases or norms).</summary>
/// <remarks>Loshchilov, I. &amp; Hutter, F. (2019). Decoupled Weight Decay Regularization. ICLR. Built on Kingma &amp; Ba (2015).</remarks>
public sealed class AdamWOptimizer : AdamOptimizer
{
    /// <summary>Creates an optimizer with empty state.</summary>
    public AdamWOptimizer(AdamWOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override string Name => "adamw";

    /// <inheritdoc />
    private protected override bool Decoupled => true;
}
