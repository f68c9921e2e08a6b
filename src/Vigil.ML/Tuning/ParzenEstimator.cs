namespace Vigil.ML.Tuning;

/// <summary>
/// A univariate adaptive Parzen estimator on <c>[low, high]</c> (Bergstra, Bardenet, Bengio and Kégl 2011, §4.1):
/// one Gaussian per observation plus a prior Gaussian centred on the range with σ = the range's width, each
/// truncated to the range. An observation's σ is the larger gap to its sorted neighbours (the bounds at the ends),
/// clipped to [width / min(100, n + 1), width], so dense regions get narrow kernels and lone points wide ones.
/// </summary>
internal sealed class ParzenEstimator
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private readonly double[] _means;
    private readonly double[] _sigmas;
    private readonly double[] _cumulativeWeights;
    private readonly double[] _logCoefficients;
    private readonly double _low;
    private readonly double _high;

    public ParzenEstimator(ReadOnlySpan<double> observations, double low, double high, double priorWeight)
    {
        (_low, _high) = (low, high);
        var width = high - low;
        var sorted = observations.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        _means = [.. sorted, (low + high) / 2];
        _sigmas = new double[n + 1];
        var minSigma = width / Math.Min(100.0, n + 1.0);
        for (var i = 0; i < n; i++)
        {
            var left = sorted[i] - (i > 0 ? sorted[i - 1] : low);
            var right = (i < n - 1 ? sorted[i + 1] : high) - sorted[i];
            _sigmas[i] = Math.Clamp(Math.Max(left, right), minSigma, width);
        }

        _sigmas[n] = width;
        var total = n + priorWeight;
        _cumulativeWeights = new double[n + 1];
        _logCoefficients = new double[n + 1];
        var cumulative = 0.0;
        for (var i = 0; i <= n; i++)
        {
            var weight = (i < n ? 1.0 : priorWeight) / total;
            cumulative += weight;
            _cumulativeWeights[i] = cumulative;
            var mass = Normal.Cdf((high - _means[i]) / _sigmas[i]) - Normal.Cdf((low - _means[i]) / _sigmas[i]);
            _logCoefficients[i] = Math.Log(weight) - Math.Log(_sigmas[i]) - LogSqrtTwoPi - Math.Log(mass);
        }
    }

    /// <summary>Draws a component by weight, then a point from its Gaussian truncated to the range (by rejection).</summary>
    public double Sample(Random random)
    {
        var u = random.NextDouble() * _cumulativeWeights[^1];
        var k = 0;
        while (k < _cumulativeWeights.Length - 1 && _cumulativeWeights[k] <= u)
        {
            k++;
        }

        // A component's mean lies in the range and σ ≤ width, so at least a third of its mass is inside.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var x = _means[k] + (_sigmas[k] * Normal.Sample(random));
            if (x >= _low && x <= _high)
            {
                return x;
            }
        }

        return _means[k];
    }

    /// <summary>The log of the mixture density at <paramref name="x"/> (log-sum-exp over the components).</summary>
    public double LogDensity(double x)
    {
        Span<double> terms = _means.Length <= 256 ? stackalloc double[_means.Length] : new double[_means.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < _means.Length; i++)
        {
            var z = (x - _means[i]) / _sigmas[i];
            terms[i] = _logCoefficients[i] - (0.5 * z * z);
            max = Math.Max(max, terms[i]);
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return max + Math.Log(sum);
    }
}
