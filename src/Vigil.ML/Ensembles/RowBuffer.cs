using System.Buffers;

namespace Vigil.ML.Ensembles;

/// <summary>A scratch buffer for one row's worth of values: pooled, returned on dispose, so single-row prediction stays allocation-free.</summary>
internal ref struct RowBuffer
{
    private readonly double[] _rented;

    public RowBuffer(int length)
    {
        _rented = ArrayPool<double>.Shared.Rent(Math.Max(length, 1));
        Span = _rented.AsSpan(0, length);
        Span.Clear();
    }

    public Span<double> Span { get; }

    public readonly void Dispose() => ArrayPool<double>.Shared.Return(_rented);
}
