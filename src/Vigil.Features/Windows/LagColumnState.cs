namespace Vigil.Features.Windows;

/// <summary>Lags, or differences with lagged values, of one column in one group: keeps the last max-lag + 1 values.</summary>
internal sealed class LagColumnState : ColumnState
{
    private readonly int[] _lags;
    private readonly bool _difference;
    private readonly SlidingBuffer _buffer;

    public LagColumnState(int[] lags, bool difference)
    {
        _lags = lags;
        _difference = difference;
        _buffer = new SlidingBuffer(lags.Max() + 1);
    }

    public override void Push(double value, Span<double> features)
    {
        _buffer.Add(value);
        for (var i = 0; i < _lags.Length; i++)
        {
            var lagged = _buffer.Count > _lags[i] ? _buffer.FromEnd(_lags[i]) : double.NaN;
            features[i] = _difference ? value - lagged : lagged;
        }
    }

    public override void Reset() => _buffer.Clear();

    public override void Write(BinaryWriter writer) => _buffer.Write(writer);

    public override void Read(BinaryReader reader) => _buffer.Read(reader);
}
