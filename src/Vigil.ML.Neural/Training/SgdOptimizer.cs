using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Training;

/// <summary>Settings of stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay, as PyTorch's <c>SGD</c> (dampening 0).</summary>
public sealed record SgdOptions : OptimizerOptions
{
    private readonly float _momentum;
    private readonly float _weightDecay;

    /// <summary>The momentum factor μ in [0, 1); default 0 (plain SGD).</summary>
    public float Momentum { get => _momentum; init => _momentum = Check(value, nameof(Momentum), 0f, 1f, true, false); }

    /// <summary>Whether to use Nesterov momentum (needs <see cref="Momentum"/> &gt; 0); default false.</summary>
    public bool Nesterov { get; init; }

    /// <summary>The L2 penalty λ added to the gradient as λ·w (for every parameter, as PyTorch); default 0.</summary>
    public float WeightDecay { get => _weightDecay; init => _weightDecay = Check(value, nameof(WeightDecay), 0f, float.MaxValue, true, true); }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><see cref="Nesterov"/> is set without momentum.</exception>
    public override IOptimizer Create()
    {
        if (Nesterov && Momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs Momentum > 0.", nameof(Nesterov));
        }

        return new SgdOptimizer(this);
    }
}

/// <summary>Stochastic gradient descent: g ← g + λw; b ← μb + g; g ← g + μb (Nesterov) or b; w ← w − η·g.</summary>
/// <remarks>
/// Robbins &amp; Monro (1951), A Stochastic Approximation Method; momentum: Polyak (1964); Nesterov momentum in the form of
/// Sutskever et al. (2013), On the importance of initialization and momentum in deep learning — the formulation of PyTorch's SGD.
/// </remarks>
public sealed class SgdOptimizer : IOptimizer
{
    private readonly OptimizerBinding _binding = new();
    private float[][] _velocity = [];
    private float[] _scratch = [];

    /// <summary>Creates an optimizer with empty state.</summary>
    public SgdOptimizer(SgdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Nesterov && options.Momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs Momentum > 0.", nameof(options));
        }

        Options = options;
    }

    /// <summary>The settings.</summary>
    public SgdOptions Options { get; }

    /// <inheritdoc />
    public string Name => "sgd";

    /// <inheritdoc />
    public long Steps { get; private set; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, IReadOnlyList<float[]> gradients, float learningRate)
    {
        if (_binding.Bind(parameters, gradients, learningRate))
        {
            _velocity = Options.Momentum > 0f ? _binding.ZeroBuffers() : [];
            _scratch = _binding.Scratch();
        }

        var momentum = Options.Momentum;
        var decay = Options.WeightDecay;
        for (var i = 0; i < parameters.Count; i++)
        {
            var w = parameters[i].Value.AsSpan();
            var g = _scratch.AsSpan(0, w.Length);
            if (decay != 0f)
            {
                TensorPrimitives.MultiplyAdd(w, decay, gradients[i], g);
            }
            else
            {
                gradients[i].AsSpan().CopyTo(g);
            }

            if (momentum > 0f)
            {
                var b = _velocity[i].AsSpan();
                TensorPrimitives.MultiplyAdd(b, momentum, g, b);
                if (Options.Nesterov)
                {
                    TensorPrimitives.MultiplyAdd(b, momentum, g, g);
                }
                else
                {
                    b.CopyTo(g);
                }
            }

            TensorPrimitives.MultiplyAdd(g, -learningRate, w, w);
        }

        Steps++;
    }
}
