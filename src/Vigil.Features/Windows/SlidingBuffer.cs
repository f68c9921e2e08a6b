namespace Vigil.Features.Windows;

/// <summary>The last <c>capacity</c> values of one sequence, oldest first and always contiguous (a buffer of twice the capacity, compacted when full).</summary>
internal sealed class SlidingBuffer
{
    private readonly double[] _items;
    private readonly int _capacity;
    private int _start;
    private int _count;

    public SlidingBuffer(int capacity)
    {
        _capacity = capacity;
        _items = new double[2 * capacity];
    }

    public int Count => _count;

    public void Add(double value)
    {
        if (_start + _count == _items.Length)
        {
            Array.Copy(_items, _start, _items, 0, _count);
            _start = 0;
        }

        _items[_start + _count] = value;
        if (_count == _capacity)
        {
            _start++;
        }
        else
        {
            _count++;
        }
    }

    /// <summary>The newest <paramref name="length"/> values (at most <see cref="Count"/>), oldest first.</summary>
    public ReadOnlySpan<double> Last(int length) => _items.AsSpan(_start + _count - length, length);

    /// <summary>The value <paramref name="back"/> places before the newest (0 is the newest); <paramref name="back"/> &lt; <see cref="Count"/>.</summary>
    public double FromEnd(int back) => _items[_start + _count - 1 - back];

    public void Clear()
    {
        _start = 0;
        _count = 0;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_count);
        foreach (var v in Last(_count))
        {
            writer.Write(v);
        }
    }

    public void Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > _capacity)
        {
            throw new InvalidDataException($"Window state holds {count} values but the window keeps at most {_capacity}.");
        }

        Clear();
        for (var i = 0; i < count; i++)
        {
            Add(reader.ReadDouble());
        }
    }
}
