using System.Numerics.Tensors;

namespace Vigil.ML.Linear;

/// <summary>
/// The L2-penalized logistic loss C·Σ vᵢ·loss(xᵢ) + ½‖W‖² (intercepts unpenalized), divided by C·Σ vᵢ so that
/// tolerances do not depend on the data size. Binary (m = 2): one weight row for the second class and
/// loss = log(1 + e^z) − y·z; multinomial (m &gt; 2): one row per class and loss = log Σₖ e^{zₖ} − z_y.
/// Parameters are m' rows of [w (d values), b] with m' = 1 for binary, m otherwise.
/// </summary>
internal sealed class LogisticObjective(double[] x, int rows, int features, int[] labels, double[] weights, int classes, double c, bool fitIntercept)
    : IDifferentiable
{
    private readonly double _totalWeight = weights.Sum();
    private readonly double[] _z = classes == 2 ? new double[rows] : [];
    private readonly double[] _e = classes == 2 ? new double[rows] : [];
    private readonly double[] _log = classes == 2 ? new double[rows] : [];

    public int OutputRows => classes == 2 ? 1 : classes;

    public int Stride => features + 1;

    public int Dimension => OutputRows * Stride;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        gradient.Clear();
        var loss = classes == 2 ? BinaryLoss(theta, gradient) : MultinomialLoss(theta, gradient);
        var penalty = 0.0;
        var scale = 1.0 / _totalWeight;
        var penaltyScale = 1.0 / (c * _totalWeight);
        for (var k = 0; k < OutputRows; k++)
        {
            for (var f = 0; f < Stride; f++)
            {
                var j = (k * Stride) + f;
                gradient[j] *= scale;
                if (f < features)
                {
                    penalty += theta[j] * theta[j];
                    gradient[j] += penaltyScale * theta[j];
                }
                else if (!fitIntercept)
                {
                    gradient[j] = 0;
                }
            }
        }

        return (loss * scale) + (0.5 * penaltyScale * penalty);
    }

    /// <summary>Σ vᵢ·(log(1 + e^z) − y·z) with one exp and one log per row, vectorized: e = e^{−|z|}, loss = max(z, 0) − y·z + log(1 + e).</summary>
    private double BinaryLoss(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var (z, e) = (_z, _e);
        var w = theta[..features];
        var b = theta[features];
        for (var i = 0; i < rows; i++)
        {
            z[i] = b + TensorPrimitives.Dot(w, x.AsSpan(i * features, features));
        }

        TensorPrimitives.Abs(z, e);
        TensorPrimitives.Negate(e, e);
        TensorPrimitives.Exp(e, e);
        var log = _log;
        TensorPrimitives.Add(e, 1.0, log);
        TensorPrimitives.Log(log, log);
        var loss = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var v = weights[i];
            if (v == 0)
            {
                continue;
            }

            var (zi, ei, y) = (z[i], e[i], labels[i]);
            loss += v * (Math.Max(zi, 0) - (y * zi) + log[i]);
            var sigmoid = zi >= 0 ? 1 / (1 + ei) : ei / (1 + ei);
            Accumulate(gradient, 0, x.AsSpan(i * features, features), v * (sigmoid - y));
        }

        return loss;
    }

    private double MultinomialLoss(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var m = OutputRows;
        Span<double> z = m <= 64 ? stackalloc double[m] : new double[m];
        var loss = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var v = weights[i];
            if (v == 0)
            {
                continue;
            }

            var row = x.AsSpan(i * features, features);
            Scores(theta, row, z);
            var max = double.NegativeInfinity;
            foreach (var s in z)
            {
                max = Math.Max(max, s);
            }

            var shifted = z[labels[i]] - max;
            var sum = 0.0;
            for (var k = 0; k < m; k++)
            {
                z[k] = Math.Exp(z[k] - max);
                sum += z[k];
            }

            loss += v * (Math.Log(sum) - shifted);
            for (var k = 0; k < m; k++)
            {
                Accumulate(gradient, k, row, v * ((z[k] / sum) - (k == labels[i] ? 1 : 0)));
            }
        }

        return loss;
    }

    public void Hessian(ReadOnlySpan<double> theta, Span<double> hessian)
    {
        hessian.Clear();
        var (m, p, dim) = (OutputRows, Stride, Dimension);
        Span<double> z = m <= 64 ? stackalloc double[m] : new double[m];
        Span<double> xt = p <= 256 ? stackalloc double[p] : new double[p];
        for (var i = 0; i < rows; i++)
        {
            var v = weights[i];
            if (v == 0)
            {
                continue;
            }

            var row = x.AsSpan(i * features, features);
            row.CopyTo(xt);
            xt[features] = 1;
            Scores(theta, row, z);
            if (classes == 2)
            {
                var s = Sigmoid(z[0]);
                AddOuter(hessian, dim, 0, 0, xt, v * s * (1 - s));
                continue;
            }

            Softmax(z);
            for (var k = 0; k < m; k++)
            {
                for (var l = k; l < m; l++)
                {
                    AddOuter(hessian, dim, k * p, l * p, xt, v * z[k] * ((k == l ? 1 : 0) - z[l]));
                }
            }
        }

        var scale = 1.0 / _totalWeight;
        var penaltyScale = 1.0 / (c * _totalWeight);
        for (var a = 0; a < dim; a++)
        {
            for (var b = a; b < dim; b++)
            {
                var value = hessian[(a * dim) + b] * scale;
                hessian[(a * dim) + b] = value;
                hessian[(b * dim) + a] = value;
            }

            var isIntercept = a % p == features;
            hessian[(a * dim) + a] += isIntercept ? (fitIntercept ? 1e-10 * penaltyScale : 1.0) : penaltyScale;
        }
    }

    private void Scores(ReadOnlySpan<double> theta, ReadOnlySpan<double> row, Span<double> z)
    {
        for (var k = 0; k < z.Length; k++)
        {
            var w = theta.Slice(k * Stride, Stride);
            var s = w[features];
            for (var f = 0; f < features; f++)
            {
                s += w[f] * row[f];
            }

            z[k] = s;
        }
    }

    private void Accumulate(Span<double> gradient, int k, ReadOnlySpan<double> row, double dz)
    {
        var g = gradient.Slice(k * Stride, Stride);
        for (var f = 0; f < features; f++)
        {
            g[f] += dz * row[f];
        }

        g[features] += dz;
    }

    private static void AddOuter(Span<double> h, int dim, int rowOffset, int columnOffset, ReadOnlySpan<double> xt, double scale)
    {
        // Upper triangle only (row block ≤ column block); mirrored at the end.
        for (var a = 0; a < xt.Length; a++)
        {
            var sa = scale * xt[a];
            var line = h.Slice(((rowOffset + a) * dim) + columnOffset, xt.Length);
            for (var b = 0; b < xt.Length; b++)
            {
                line[b] += sa * xt[b];
            }
        }
    }

    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    internal static void Softmax(Span<double> z)
    {
        var max = double.NegativeInfinity;
        foreach (var s in z)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var k = 0; k < z.Length; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }

        for (var k = 0; k < z.Length; k++)
        {
            z[k] /= sum;
        }
    }
}
