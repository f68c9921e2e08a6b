using System.Numerics.Tensors;

namespace Vigil.ML.Linear;

/// <summary>Backtracking Armijo line search with safeguarded quadratic interpolation (Nocedal and Wright 2006, §3.5).</summary>
internal static class LineSearch
{
    private const double Armijo = 1e-4;

    /// <summary>Finds a step along <paramref name="direction"/> with sufficient decrease; fills <paramref name="xNew"/> and <paramref name="gNew"/> on success.</summary>
    public static (bool Accepted, double Value) Backtrack(
        IDifferentiable f, ReadOnlySpan<double> x, double fx, double slope, ReadOnlySpan<double> direction, double step, Span<double> xNew, Span<double> gNew)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            TensorPrimitives.MultiplyAdd(direction, step, x, xNew);
            var value = f.Evaluate(xNew, gNew);
            if (double.IsFinite(value) && value <= fx + (Armijo * step * slope))
            {
                return (true, value);
            }

            var quadratic = double.IsFinite(value) ? -slope * step * step / (2 * (value - fx - (slope * step))) : 0;
            step = Math.Clamp(quadratic, 0.1 * step, 0.5 * step);
        }

        return (false, fx);
    }
}
