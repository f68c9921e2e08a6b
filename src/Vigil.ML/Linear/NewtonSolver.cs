using System.Numerics.Tensors;

namespace Vigil.ML.Linear;

/// <summary>
/// Damped Newton's method (for logistic regression this is iteratively reweighted least squares):
/// the step solves H·Δ = −∇f by Cholesky (with jitter if H is singular), then a backtracking Armijo
/// line search. Stops when max |∇f| ≤ tolerance. Cost per iteration O(n·p² + p³).
/// </summary>
internal static class NewtonSolver
{
    public static OptimizationResult Minimize(IDifferentiable f, double[] x, double tolerance, int maxIterations, CancellationToken cancellationToken)
    {
        var n = f.Dimension;
        var (g, gNew, xNew, h) = (new double[n], new double[n], new double[n], new double[n * n]);
        var fx = f.Evaluate(x, g);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= tolerance)
            {
                return new OptimizationResult(iteration, true, fx);
            }

            f.Hessian(x, h);
            var negative = new double[n];
            TensorPrimitives.Negate<double>(g, negative);
            var direction = Cholesky.SolveWithJitter(h, negative, n);
            var slope = TensorPrimitives.Dot<double>(g, direction);
            if (!(slope < 0))
            {
                direction = negative;
                slope = -TensorPrimitives.Dot<double>(g, g);
            }

            var (accepted, fNew) = LineSearch.Backtrack(f, x, fx, slope, direction, 1.0, xNew, gNew);
            if (!accepted)
            {
                return new OptimizationResult(iteration, Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= Math.Max(tolerance, 1e-6), fx);
            }

            xNew.CopyTo(x, 0);
            gNew.CopyTo(g, 0);
            fx = fNew;
        }

        return new OptimizationResult(maxIterations, Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= tolerance, fx);
    }
}
