using System.Numerics.Tensors;

namespace Vigil.ML.Linear;

/// <summary>
/// Limited-memory BFGS (Liu and Nocedal 1989, "On the limited memory BFGS method for large scale
/// optimization", Math. Programming 45) with the two-loop recursion, memory 10, the initial Hessian
/// scaled by sᵀy / yᵀy, and a backtracking Armijo line search with quadratic interpolation; curvature
/// pairs with sᵀy ≤ 0 are skipped. Stops when max |∇f| ≤ tolerance.
/// </summary>
internal static class Lbfgs
{
    private const int Memory = 10;

    public static OptimizationResult Minimize(IDifferentiable f, double[] x, double tolerance, int maxIterations, CancellationToken cancellationToken)
    {
        var n = f.Dimension;
        var (g, gNew, xNew, d) = (new double[n], new double[n], new double[n], new double[n]);
        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        for (var i = 0; i < Memory; i++)
        {
            (s[i], y[i]) = (new double[n], new double[n]);
        }

        var (stored, head) = (0, 0);
        var fx = f.Evaluate(x, g);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= tolerance)
            {
                return new OptimizationResult(iteration, true, fx);
            }

            // Two-loop recursion: d = −H·g.
            TensorPrimitives.Negate<double>(g, d);
            for (var k = 0; k < stored; k++)
            {
                var i = (head - 1 - k + Memory) % Memory;
                alpha[i] = rho[i] * TensorPrimitives.Dot<double>(s[i], d);
                TensorPrimitives.MultiplyAdd<double>(y[i], -alpha[i], d, d);
            }

            if (stored > 0)
            {
                var last = (head - 1 + Memory) % Memory;
                TensorPrimitives.Multiply<double>(d, 1.0 / (rho[last] * TensorPrimitives.Dot<double>(y[last], y[last])), d);
            }

            for (var k = stored - 1; k >= 0; k--)
            {
                var i = (head - 1 - k + Memory) % Memory;
                var beta = rho[i] * TensorPrimitives.Dot<double>(y[i], d);
                TensorPrimitives.MultiplyAdd<double>(s[i], alpha[i] - beta, d, d);
            }

            var slope = TensorPrimitives.Dot<double>(g, d);
            if (!(slope < 0))
            {
                stored = 0;
                TensorPrimitives.Negate<double>(g, d);
                slope = -TensorPrimitives.Dot<double>(g, g);
            }

            var step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(-slope)) : 1.0;
            var (accepted, fNew) = LineSearch.Backtrack(f, x, fx, slope, d, step, xNew, gNew);
            if (!accepted)
            {
                // No decrease is representable along a descent direction: x is optimal to machine precision.
                return new OptimizationResult(iteration, Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= Math.Max(tolerance, 1e-6), fx);
            }

            TensorPrimitives.Subtract<double>(xNew, x, s[head]);
            TensorPrimitives.Subtract<double>(gNew, g, y[head]);
            var sy = TensorPrimitives.Dot<double>(s[head], y[head]);
            if (sy > 1e-16 * TensorPrimitives.Dot<double>(y[head], y[head]))
            {
                rho[head] = 1.0 / sy;
                head = (head + 1) % Memory;
                stored = Math.Min(stored + 1, Memory);
            }

            xNew.CopyTo(x, 0);
            gNew.CopyTo(g, 0);
            fx = fNew;
        }

        return new OptimizationResult(maxIterations, Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= tolerance, fx);
    }
}
