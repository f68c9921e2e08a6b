namespace Vigil.Features.Windows;

/// <summary>Running sum (and optionally count) of the non-missing values of one column in one group.</summary>
internal sealed class CumulativeColumnState : ColumnState
{
    private readonly bool _includeCount;
    private double _sum;
    private long _count;

    public CumulativeColumnState(bool includeCount) => _includeCount = includeCount;

    public override void Push(double value, Span<double> features)
    {
        if (!double.IsNaN(value))
        {
            _sum += value;
            _count++;
        }

        features[0] = _count == 0 ? double.NaN : _sum;
        if (_includeCount)
        {
            features[1] = _count;
        }
    }

    public override void Reset()
    {
        _sum = 0;
        _count = 0;
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(_sum);
        writer.Write(_count);
    }

    public override void Read(BinaryReader reader)
    {
        _sum = reader.ReadDouble();
        _count = reader.ReadInt64();
        if (_count < 0)
        {
            throw new InvalidDataException($"Cumulative state holds a negative count ({_count}).");
        }
    }
}
