using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>Parses a field's UTF-8 bytes into a value.</summary>
internal delegate bool Utf8ValueParser<T>(ReadOnlySpan<byte> utf8, out T value);

/// <summary>Builds a Float64, Boolean or Timestamp column into a growable primitive array.</summary>
internal sealed class TypedColumnBuilder<T>(
    string name,
    ColumnKind kind,
    Utf8ValueParser<T> parse,
    T missing,
    string expectation,
    Func<string, T[], Column> build,
    int capacity) : CsvColumnBuilder(name)
{
    private T[] _values = new T[Math.Max(capacity, 16)];

    public override ColumnKind Kind => kind;

    public override bool IsTyped => true;

    public override string Expectation => expectation;

    public override bool Stage(ReadOnlySpan<byte> field, bool isMissing)
    {
        EnsureCapacity(ref _values, Count);
        if (isMissing)
        {
            _values[Count] = missing;
            return true;
        }

        if (parse(field, out var value))
        {
            _values[Count] = value;
            return true;
        }

        return false;
    }

    public override void Commit() => Count++;

    public override Column Build(List<string> warnings)
    {
        var values = Trim(_values, Count);
        _values = [];
        return build(Name, values);
    }
}
