namespace Vigil.ML.Linear;

/// <summary>A smooth objective for the internal optimizers: value and gradient, and optionally the dense Hessian.</summary>
internal interface IDifferentiable
{
    /// <summary>The number of parameters.</summary>
    int Dimension { get; }

    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Writes the Hessian at x (Dimension² row-major) into <paramref name="hessian"/>.</summary>
    void Hessian(ReadOnlySpan<double> x, Span<double> hessian);
}

/// <summary>How an optimizer stopped.</summary>
internal readonly record struct OptimizationResult(int Iterations, bool Converged, double Value);
