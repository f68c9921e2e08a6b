namespace Vigil.ML.Neural.Tests.Layers;

/// <summary>Straightforward scalar (double-precision) LSTM and GRU forward passes, written from the equations, to check the fast layers against.</summary>
public static class RecurrentReference
{
    private static double Sigmoid(double v) => 1.0 / (1.0 + Math.Exp(-v));

    /// <summary>Every hidden state [batch, steps, units] of an LSTM with gates (i, f, g, o), weights [in × 4H], [H × 4H] and bias [4H].</summary>
    public static double[] Lstm(float[] x, int batch, int steps, int features, int units, float[] wIh, float[] wHh, float[] bias)
    {
        var hs = new double[batch * steps * units];
        var width = 4 * units;
        for (var b = 0; b < batch; b++)
        {
            var h = new double[units];
            var c = new double[units];
            for (var t = 0; t < steps; t++)
            {
                var a = new double[width];
                for (var q = 0; q < width; q++)
                {
                    var sum = (double)bias[q];
                    for (var k = 0; k < features; k++)
                    {
                        sum += x[(b * steps + t) * features + k] * (double)wIh[k * width + q];
                    }

                    for (var k = 0; k < units; k++)
                    {
                        sum += h[k] * wHh[k * width + q];
                    }

                    a[q] = sum;
                }

                for (var j = 0; j < units; j++)
                {
                    var i = Sigmoid(a[j]);
                    var f = Sigmoid(a[units + j]);
                    var g = Math.Tanh(a[2 * units + j]);
                    var o = Sigmoid(a[3 * units + j]);
                    c[j] = f * c[j] + i * g;
                    h[j] = o * Math.Tanh(c[j]);
                    hs[(b * steps + t) * units + j] = h[j];
                }
            }
        }

        return hs;
    }

    /// <summary>Every hidden state [batch, steps, units] of a PyTorch-style GRU with gates (r, z, n), weights [in × 3H], [H × 3H] and biases [3H].</summary>
    public static double[] Gru(float[] x, int batch, int steps, int features, int units, float[] wIh, float[] wHh, float[] bIh, float[] bHh)
    {
        var hs = new double[batch * steps * units];
        var width = 3 * units;
        for (var b = 0; b < batch; b++)
        {
            var h = new double[units];
            for (var t = 0; t < steps; t++)
            {
                var gi = new double[width];
                var gh = new double[width];
                for (var q = 0; q < width; q++)
                {
                    var si = (double)bIh[q];
                    for (var k = 0; k < features; k++)
                    {
                        si += x[(b * steps + t) * features + k] * (double)wIh[k * width + q];
                    }

                    var sh = (double)bHh[q];
                    for (var k = 0; k < units; k++)
                    {
                        sh += h[k] * wHh[k * width + q];
                    }

                    (gi[q], gh[q]) = (si, sh);
                }

                var next = new double[units];
                for (var j = 0; j < units; j++)
                {
                    var r = Sigmoid(gi[j] + gh[j]);
                    var z = Sigmoid(gi[units + j] + gh[units + j]);
                    var n = Math.Tanh(gi[2 * units + j] + r * gh[2 * units + j]);
                    next[j] = (1 - z) * n + z * h[j];
                    hs[(b * steps + t) * units + j] = next[j];
                }

                h = next;
            }
        }

        return hs;
    }
}
