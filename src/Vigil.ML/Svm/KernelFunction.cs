using System.Numerics.Tensors;

namespace Vigil.ML.Svm;

/// <summary>A kernel with its parameters; evaluates single pairs and whole rows against a flat row-major matrix.</summary>
internal readonly record struct KernelFunction(KernelType Type, double Gamma, int Degree, double Coef0)
{
    public double Evaluate(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Type switch
    {
        KernelType.Rbf => Math.Exp(-Gamma * SquaredDistance(a, b)),
        KernelType.Linear => TensorPrimitives.Dot(a, b),
        _ => Math.Pow((Gamma * TensorPrimitives.Dot(a, b)) + Coef0, Degree),
    };

    /// <summary>Writes K(x, rowᵢ) for every row of the flat matrix <paramref name="rows"/> (width = x.Length) into <paramref name="destination"/>.</summary>
    public void EvaluateAll(ReadOnlySpan<double> x, ReadOnlySpan<double> rows, Span<double> destination)
    {
        var d = x.Length;
        var count = destination.Length;
        if (Type == KernelType.Rbf)
        {
            for (var s = 0; s < count; s++)
            {
                destination[s] = SquaredDistance(x, rows.Slice(s * d, d));
            }

            TensorPrimitives.Multiply(destination, -Gamma, destination);
            TensorPrimitives.Exp(destination, destination);
            return;
        }

        for (var s = 0; s < count; s++)
        {
            destination[s] = Dot(x, rows.Slice(s * d, d));
        }

        if (Type == KernelType.Polynomial)
        {
            for (var s = 0; s < count; s++)
            {
                destination[s] = Math.Pow((Gamma * destination[s]) + Coef0, Degree);
            }
        }
    }

    /// <summary>
    /// Writes K(x, rowⱼ) for every row j of a column-major matrix (<paramref name="columns"/> = d blocks of n values)
    /// into <paramref name="destination"/> (n values), vectorized along the rows; <paramref name="scratch"/> holds n values.
    /// </summary>
    public void EvaluateColumns(ReadOnlySpan<double> x, ReadOnlySpan<double> columns, Span<double> destination, Span<double> scratch)
    {
        var n = destination.Length;
        destination.Clear();
        for (var f = 0; f < x.Length; f++)
        {
            var column = columns.Slice(f * n, n);
            if (Type == KernelType.Rbf)
            {
                TensorPrimitives.Subtract(column, x[f], scratch);
                TensorPrimitives.MultiplyAdd(scratch, scratch, destination, destination);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(column, x[f], destination, destination);
            }
        }

        if (Type == KernelType.Rbf)
        {
            TensorPrimitives.Multiply(destination, -Gamma, destination);
            TensorPrimitives.Exp(destination, destination);
        }
        else if (Type == KernelType.Polynomial)
        {
            for (var j = 0; j < n; j++)
            {
                destination[j] = Math.Pow((Gamma * destination[j]) + Coef0, Degree);
            }
        }
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            var diff = a[f] - b[f];
            sum += diff * diff;
        }

        return sum;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            sum += a[f] * b[f];
        }

        return sum;
    }
}
