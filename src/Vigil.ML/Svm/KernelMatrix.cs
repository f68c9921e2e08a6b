namespace Vigil.ML.Svm;

/// <summary>
/// The SVM dual's Q matrix, Qᵢⱼ = yᵢ·yⱼ·K(xᵢ, xⱼ), served row by row from a least-recently-used cache of
/// float rows (as libsvm, Chang and Lin 2011) whose size is bounded in bytes; at least two rows are always kept.
/// </summary>
internal sealed class KernelMatrix
{
    private readonly double[] _x;
    private readonly int _n;
    private readonly int _d;
    private readonly sbyte[] _y;
    private readonly KernelFunction _kernel;
    private readonly float[]?[] _slots;
    private readonly int[] _slotOfRow;
    private readonly int[] _rowOfSlot;
    private readonly int[] _prev;
    private readonly int[] _next;
    private readonly double[] _scratch;
    private readonly double[] _values;
    private readonly double[] _columns;
    private int _used;
    private int _head = -1;
    private int _tail = -1;

    public KernelMatrix(double[] x, int n, int d, sbyte[] y, KernelFunction kernel, long cacheBytes)
    {
        (_x, _n, _d, _y, _kernel) = (x, n, d, y, kernel);
        var capacity = (int)Math.Clamp(cacheBytes / Math.Max(1L, 4L * n), 2, Math.Max(2, n));
        _slots = new float[capacity][];
        _rowOfSlot = new int[capacity];
        _prev = new int[capacity];
        _next = new int[capacity];
        _slotOfRow = Enumerable.Repeat(-1, n).ToArray();
        _scratch = new double[n];
        _values = new double[n];
        _columns = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < d; f++)
            {
                _columns[(f * n) + i] = x[(i * d) + f];
            }
        }

        Diagonal = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * d, d);
            Diagonal[i] = kernel.Evaluate(row, row);
        }
    }

    /// <summary>Qᵢᵢ = K(xᵢ, xᵢ) for every row.</summary>
    public double[] Diagonal { get; }

    /// <summary>Row i of Q (all n entries); valid until two further rows are requested.</summary>
    public ReadOnlySpan<float> Row(int i)
    {
        var slot = _slotOfRow[i];
        if (slot >= 0)
        {
            MoveToFront(slot);
            return _slots[slot];
        }

        if (_used < _slots.Length)
        {
            slot = _used++;
            _slots[slot] = new float[_n];
        }
        else
        {
            slot = _tail;
            Unlink(slot);
            _slotOfRow[_rowOfSlot[slot]] = -1;
        }

        var data = _slots[slot]!;
        _kernel.EvaluateColumns(_x.AsSpan(i * _d, _d), _columns, _values, _scratch);
        var yi = _y[i];
        for (var j = 0; j < _n; j++)
        {
            data[j] = (float)(yi * _y[j] * _values[j]);
        }

        _slotOfRow[i] = slot;
        _rowOfSlot[slot] = i;
        LinkFront(slot);
        return data;
    }

    private void MoveToFront(int slot)
    {
        if (_head != slot)
        {
            Unlink(slot);
            LinkFront(slot);
        }
    }

    private void Unlink(int slot)
    {
        if (_prev[slot] >= 0)
        {
            _next[_prev[slot]] = _next[slot];
        }
        else
        {
            _head = _next[slot];
        }

        if (_next[slot] >= 0)
        {
            _prev[_next[slot]] = _prev[slot];
        }
        else
        {
            _tail = _prev[slot];
        }
    }

    private void LinkFront(int slot)
    {
        _prev[slot] = -1;
        _next[slot] = _head;
        if (_head >= 0)
        {
            _prev[_head] = slot;
        }

        _head = slot;
        if (_tail < 0)
        {
            _tail = slot;
        }
    }
}
