namespace Vigil.ML.Svm;

/// <summary>
/// Sequential minimal optimization (Platt 1998) for the C-SVC dual min ½αᵀQα − eᵀα, 0 ≤ αᵢ ≤ Cᵢ, yᵀα = 0,
/// with the second-order working-set selection WSS2 of Fan, Chen and Lin (2005, "Working set selection using
/// second order information for training support vector machines", JMLR 6) and optional shrinking with
/// gradient reconstruction (Joachims 1999; Chang and Lin 2011, LIBSVM §5). Stops when m(α) − M(α) &lt; ε.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private readonly int _n;
    private readonly sbyte[] _y;
    private readonly double[] _c;
    private readonly KernelMatrix _q;
    private readonly double[] _qd;
    private readonly double _eps;
    private readonly bool _shrinking;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _gBar;
    private readonly int[] _active;
    private int _activeSize;
    private bool _unshrunk;

    public SmoSolver(sbyte[] y, double[] c, KernelMatrix q, double eps, bool shrinking)
    {
        (_n, _y, _c, _q, _qd, _eps, _shrinking) = (y.Length, y, c, q, q.Diagonal, eps, shrinking);
        _alpha = new double[_n];
        _g = Enumerable.Repeat(-1.0, _n).ToArray();
        _gBar = new double[_n];
        _active = Enumerable.Range(0, _n).ToArray();
        _activeSize = _n;
    }

    public SmoResult Solve(long maxIterations, CancellationToken cancellationToken)
    {
        var iteration = 0L;
        var countdown = Math.Min(_n, 1000);
        while (iteration < maxIterations)
        {
            if (--countdown == 0)
            {
                countdown = Math.Min(_n, 1000);
                cancellationToken.ThrowIfCancellationRequested();
                if (_shrinking)
                {
                    Shrink();
                }
            }

            if (!SelectWorkingSet(out var i, out var j))
            {
                if (_activeSize == _n)
                {
                    break;
                }

                // Optimal on the shrunk problem: restore every variable and check again.
                ReconstructGradient();
                _activeSize = _n;
                countdown = 1;
                if (!SelectWorkingSet(out i, out j))
                {
                    break;
                }
            }

            iteration++;
            Update(i, j);
        }

        if (_activeSize < _n)
        {
            ReconstructGradient();
            _activeSize = _n;
        }

        return new SmoResult(_alpha, ComputeRho(), iteration, iteration < maxIterations);
    }

    private bool IsUpper(int t) => _alpha[t] >= _c[t];

    private bool IsLower(int t) => _alpha[t] <= 0;

    private bool SelectWorkingSet(out int i, out int j)
    {
        var (gMax, gMax2, iBest, jBest, objMin) = (double.NegativeInfinity, double.NegativeInfinity, -1, -1, double.PositiveInfinity);
        for (var a = 0; a < _activeSize; a++)
        {
            var t = _active[a];
            var candidate = _y[t] > 0 ? (IsUpper(t) ? double.NegativeInfinity : -_g[t]) : (IsLower(t) ? double.NegativeInfinity : _g[t]);
            if (candidate >= gMax && candidate > double.NegativeInfinity)
            {
                (gMax, iBest) = (candidate, t);
            }
        }

        i = iBest;
        var qi = i >= 0 ? _q.Row(i) : default;
        var yi = i >= 0 ? _y[i] : 0;
        for (var a = 0; a < _activeSize; a++)
        {
            var t = _active[a];
            var yg = _y[t] > 0 ? (IsLower(t) ? double.NaN : _g[t]) : (IsUpper(t) ? double.NaN : -_g[t]);
            if (double.IsNaN(yg))
            {
                continue;
            }

            gMax2 = Math.Max(gMax2, yg);
            var gradDiff = gMax + yg;
            if (gradDiff > 0)
            {
                var quad = _qd[i] + _qd[t] - (2.0 * yi * _y[t] * qi[t]);
                var obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                if (obj <= objMin)
                {
                    (jBest, objMin) = (t, obj);
                }
            }
        }

        j = jBest;
        return gMax + gMax2 >= _eps && jBest >= 0;
    }

    private void Update(int i, int j)
    {
        var qi = _q.Row(i);
        var qj = _q.Row(j); // the cache keeps ≥ 2 rows, so row i (most recently used) stays valid
        var (ci, cj, oldI, oldJ) = (_c[i], _c[j], _alpha[i], _alpha[j]);
        var (ai, aj) = (oldI, oldJ);
        if (_y[i] != _y[j])
        {
            var quad = _qd[i] + _qd[j] + (2.0 * qi[j]);
            var delta = (-_g[i] - _g[j]) / (quad > 0 ? quad : Tau);
            var diff = ai - aj;
            (ai, aj) = (ai + delta, aj + delta);
            if (diff > 0 && aj < 0) { (aj, ai) = (0, diff); }
            else if (diff <= 0 && ai < 0) { (ai, aj) = (0, -diff); }

            if (diff > ci - cj && ai > ci) { (ai, aj) = (ci, ci - diff); }
            else if (diff <= ci - cj && aj > cj) { (aj, ai) = (cj, cj + diff); }
        }
        else
        {
            var quad = _qd[i] + _qd[j] - (2.0 * qi[j]);
            var delta = (_g[i] - _g[j]) / (quad > 0 ? quad : Tau);
            var sum = ai + aj;
            (ai, aj) = (ai - delta, aj + delta);
            if (sum > ci && ai > ci) { (ai, aj) = (ci, sum - ci); }
            else if (sum <= ci && aj < 0) { (aj, ai) = (0, sum); }

            if (sum > cj && aj > cj) { (aj, ai) = (cj, sum - cj); }
            else if (sum <= cj && ai < 0) { (ai, aj) = (0, sum); }
        }

        var (wasUpperI, wasUpperJ) = (IsUpper(i), IsUpper(j));
        (_alpha[i], _alpha[j]) = (ai, aj);
        var (di, dj) = (ai - oldI, aj - oldJ);
        for (var a = 0; a < _activeSize; a++)
        {
            var k = _active[a];
            _g[k] += (qi[k] * di) + (qj[k] * dj);
        }

        if (_shrinking)
        {
            UpdateGBar(wasUpperI, i, qi);
            UpdateGBar(wasUpperJ, j, qj);
        }
    }

    private void UpdateGBar(bool wasUpper, int i, ReadOnlySpan<float> qi)
    {
        if (wasUpper == IsUpper(i))
        {
            return;
        }

        var step = wasUpper ? -_c[i] : _c[i];
        for (var k = 0; k < _n; k++)
        {
            _gBar[k] += step * qi[k];
        }
    }

    private void Shrink()
    {
        var (gMax1, gMax2) = (double.NegativeInfinity, double.NegativeInfinity);
        for (var a = 0; a < _activeSize; a++)
        {
            var t = _active[a];
            var yg = _y[t] * _g[t];
            if (_y[t] > 0 ? !IsUpper(t) : !IsLower(t)) { gMax1 = Math.Max(gMax1, -yg); }
            if (_y[t] > 0 ? !IsLower(t) : !IsUpper(t)) { gMax2 = Math.Max(gMax2, yg); }
        }

        if (!_unshrunk && gMax1 + gMax2 <= _eps * 10)
        {
            _unshrunk = true;
            ReconstructGradient();
            _activeSize = _n;
        }

        for (var a = 0; a < _activeSize; a++)
        {
            var t = _active[a];
            if (CanShrink(t, gMax1, gMax2))
            {
                _activeSize--;
                (_active[a], _active[_activeSize]) = (_active[_activeSize], _active[a]);
                a--;
            }
        }
    }

    private bool CanShrink(int t, double gMax1, double gMax2)
    {
        var g = _g[t];
        if (IsUpper(t))
        {
            return _y[t] > 0 ? -g > gMax1 : -g > gMax2;
        }

        return IsLower(t) && (_y[t] > 0 ? g > gMax2 : g > gMax1);
    }

    private void ReconstructGradient()
    {
        if (_activeSize == _n)
        {
            return;
        }

        for (var a = _activeSize; a < _n; a++)
        {
            var t = _active[a];
            _g[t] = _gBar[t] - 1.0;
        }

        for (var j = 0; j < _n; j++)
        {
            if (_alpha[j] > 0 && _alpha[j] < _c[j])
            {
                var qj = _q.Row(j);
                for (var a = _activeSize; a < _n; a++)
                {
                    var t = _active[a];
                    _g[t] += _alpha[j] * qj[t];
                }
            }
        }
    }

    private double ComputeRho()
    {
        var (upper, lower, sumFree, free) = (double.PositiveInfinity, double.NegativeInfinity, 0.0, 0);
        for (var t = 0; t < _n; t++)
        {
            var yg = _y[t] * _g[t];
            if (IsUpper(t))
            {
                if (_y[t] < 0) { upper = Math.Min(upper, yg); } else { lower = Math.Max(lower, yg); }
            }
            else if (IsLower(t))
            {
                if (_y[t] > 0) { upper = Math.Min(upper, yg); } else { lower = Math.Max(lower, yg); }
            }
            else
            {
                free++;
                sumFree += yg;
            }
        }

        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }
}

/// <summary>The dual solution of one binary SVM: αᵢ per training row, the offset ρ (f(x) = Σ αᵢyᵢK(xᵢ, x) − ρ) and the iterations used.</summary>
internal readonly record struct SmoResult(double[] Alpha, double Rho, long Iterations, bool Converged);
