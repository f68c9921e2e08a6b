namespace Vigil.Features.Windows;

/// <summary>Rolling statistics of one column in one group: keeps the last max-window values.</summary>
internal sealed class RollingColumnState : ColumnState
{
    private readonly int[] _windows;
    private readonly WindowStatistic[] _statistics;
    private readonly int _minPeriods;
    private readonly SlidingBuffer _buffer;

    public RollingColumnState(int[] windows, WindowStatistic[] statistics, int minPeriods)
    {
        _windows = windows;
        _statistics = statistics;
        _minPeriods = minPeriods;
        _buffer = new SlidingBuffer(windows.Max());
    }

    public override void Push(double value, Span<double> features)
    {
        _buffer.Add(value);
        var k = _statistics.Length;
        for (var w = 0; w < _windows.Length; w++)
        {
            var window = _buffer.Last(Math.Min(_windows[w], _buffer.Count));
            WindowStatistics.Compute(window, _statistics, _minPeriods, features.Slice(w * k, k));
        }
    }

    public override void Reset() => _buffer.Clear();

    public override void Write(BinaryWriter writer) => _buffer.Write(writer);

    public override void Read(BinaryReader reader) => _buffer.Read(reader);
}
