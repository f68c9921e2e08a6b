using System.Buffers;

namespace Vigil.Data.Csv;

/// <summary>
/// An RFC 4180 record tokenizer over UTF-8 bytes in a pooled buffer. A record is kept contiguous in the buffer
/// and its fields are offsets into it, so unquoted fields are never copied. Records that cannot be completed
/// (unterminated quote, over the byte limit) are reported with their first physical line and reading resumes
/// on the next line.
/// </summary>
internal sealed partial class CsvTokenizer : IDisposable
{
    /// <summary>The most bytes of a record kept as raw text for quarantine.</summary>
    public const int RawTextLimit = 8192;

    private const byte Quote = (byte)'"';
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly Stream _stream;
    private readonly byte _delimiter;
    private readonly int _maxRecordBytes;
    private readonly int _maxFields;
    private readonly SearchValues<byte> _stops;
    private readonly SearchValues<byte> _quoteOrBreak;
    private byte[] _buffer;
    private byte[] _scratch = new byte[256];
    private FieldSlot[] _fields = new FieldSlot[32];
    private int _start;
    private int _end;
    private int _recordLength;
    private int _next;
    private bool _eof;
    private long _discarded;
    private long _line = 1;
    private int _pendingBlank;
    private bool _skipLf;
    private byte[]? _failedRaw;

    public CsvTokenizer(Stream stream, byte delimiter, int maxRecordBytes, int maxFields, int initialBufferSize = 256 * 1024)
    {
        _stream = stream;
        _delimiter = delimiter;
        _maxRecordBytes = maxRecordBytes;
        _maxFields = maxFields;
        _stops = SearchValues.Create([delimiter, Lf, Cr]);
        _quoteOrBreak = SearchValues.Create([Quote, Lf, Cr]);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1024, Math.Min(initialBufferSize, maxRecordBytes + 2)));
    }

    private enum Step
    {
        Record,
        NeedMore,
        End,
        Unterminated,
        TooLong,
    }

    /// <summary>The 1-based physical line where the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The number of fields in the current record (may exceed the stored maximum).</summary>
    public int FieldCount { get; private set; }

    /// <summary>Why the current record is malformed, if it is.</summary>
    public CsvRecordError Error { get; private set; }

    /// <summary>Blank lines skipped between records so far (trailing blank lines excluded).</summary>
    public int BlankLines { get; private set; }

    /// <summary>Bytes consumed from the stream up to the end of the current record.</summary>
    public long BytesConsumed => _discarded + _next;

    /// <summary>The current record's raw bytes without its terminator, limited to <see cref="RawTextLimit"/>.</summary>
    public ReadOnlySpan<byte> Raw => _failedRaw ?? _buffer.AsSpan(_start, Math.Min(_recordLength, RawTextLimit));

    /// <summary>Whether field <paramref name="index"/> was quoted.</summary>
    public bool IsQuoted(int index) => _fields[index].Quoted;

    /// <summary>The raw byte length of field <paramref name="index"/> (between its quotes, if quoted).</summary>
    public int FieldLength(int index) => _fields[index].Length;

    /// <summary>The unescaped bytes of field <paramref name="index"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        var f = _fields[index];
        var raw = _buffer.AsSpan(_start + f.Offset, f.Length);
        if (!f.Escaped)
        {
            return raw;
        }

        if (_scratch.Length < raw.Length)
        {
            _scratch = new byte[Math.Max(raw.Length, _scratch.Length * 2)];
        }

        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            _scratch[n++] = raw[i];
            if (raw[i] == Quote)
            {
                i++; // "" -> "
            }
        }

        return _scratch.AsSpan(0, n);
    }

    /// <summary>Advances to the next record; false at the end of the input.</summary>
    public bool Read()
    {
        _start = _next;
        _failedRaw = null;
        while (true)
        {
            var step = Parse();
            switch (step)
            {
                case Step.Record:
                    return true;
                case Step.End:
                    _recordLength = 0;
                    return false;
                case Step.Unterminated:
                    Fail(CsvRecordError.UnterminatedQuote);
                    return true;
                case Step.TooLong:
                    Fail(CsvRecordError.TooLong);
                    return true;
                default:
                    if (_end - _start > _maxRecordBytes)
                    {
                        Fail(CsvRecordError.TooLong);
                        return true;
                    }

                    Fill();
                    break;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // Parses one record starting at _start; on success sets the record state and _next.
    private Step Parse()
    {
        var buf = _buffer;
        var end = _end;
        var pos = _start;
        if (_skipLf)
        {
            if (pos == end && !_eof)
            {
                return Step.NeedMore;
            }

            _skipLf = false;
            if (pos < end && buf[pos] == Lf)
            {
                _start = ++pos;
            }
        }

        // Skip blank lines, committing each one so a long run of them never counts against the record limit.
        while (pos < end && (buf[pos] == Lf || buf[pos] == Cr))
        {
            if (buf[pos] == Cr)
            {
                if (pos + 1 == end && !_eof)
                {
                    return Step.NeedMore;
                }

                pos += pos + 1 < end && buf[pos + 1] == Lf ? 2 : 1;
            }
            else
            {
                pos++;
            }

            _start = pos;
            _line++;
            _pendingBlank++;
        }

        if (pos == end)
        {
            if (!_eof)
            {
                return Step.NeedMore;
            }

            _next = pos;
            return Step.End;
        }

        var recordStart = pos;
        var lines = 0L;
        var error = CsvRecordError.None;
        var count = 0;
        while (true)
        {
            if (buf[pos] == Quote)
            {
                var p = pos + 1;
                var escaped = false;
                int close;
                while (true)
                {
                    var idx = buf.AsSpan(p, end - p).IndexOf(Quote);
                    if (idx < 0)
                    {
                        return _eof ? Step.Unterminated : Step.NeedMore;
                    }

                    var q = p + idx;
                    if (q + 1 == end && !_eof)
                    {
                        return Step.NeedMore;
                    }

                    if (q + 1 < end && buf[q + 1] == Quote)
                    {
                        escaped = true;
                        p = q + 2;
                        continue;
                    }

                    close = q;
                    break;
                }

                lines += CountLineBreaks(buf.AsSpan(pos + 1, close - pos - 1));
                Add(ref count, pos + 1 - recordStart, close - pos - 1, quoted: true, escaped);
                pos = close + 1;
                if (pos < end && buf[pos] != _delimiter && buf[pos] != Lf && buf[pos] != Cr)
                {
                    error = CsvRecordError.CharacterAfterQuote;
                    var junk = buf.AsSpan(pos, end - pos).IndexOfAny(_stops);
                    if (junk < 0 && !_eof)
                    {
                        return Step.NeedMore;
                    }

                    pos = junk < 0 ? end : pos + junk;
                }
            }
            else
            {
                var idx = buf.AsSpan(pos, end - pos).IndexOfAny(_stops);
                if (idx < 0)
                {
                    if (!_eof)
                    {
                        return Step.NeedMore;
                    }

                    idx = end - pos;
                }

                Add(ref count, pos - recordStart, idx, quoted: false, escaped: false);
                pos += idx;
            }

            if (pos < end && buf[pos] == _delimiter)
            {
                pos++;
                if (pos == end)
                {
                    if (!_eof)
                    {
                        return Step.NeedMore;
                    }

                    Add(ref count, pos - recordStart, 0, quoted: false, escaped: false);
                    break;
                }

                continue;
            }

            break;
        }

        if (pos - recordStart > _maxRecordBytes)
        {
            return Step.TooLong;
        }

        // pos is at a line break or at the end of the input.
        var next = pos;
        if (pos < end)
        {
            if (buf[pos] == Cr && pos + 1 == end && !_eof)
            {
                return Step.NeedMore;
            }

            next = AfterBreak(pos);
            lines++;
        }

        BlankLines += _pendingBlank;
        _pendingBlank = 0;
        LineNumber = _line;
        _line += lines;
        _start = recordStart;
        _recordLength = pos - recordStart;
        _next = next;
        FieldCount = count;
        Error = error;
        return Step.Record;
    }

    private void Add(ref int count, int offset, int length, bool quoted, bool escaped)
    {
        if (count < _maxFields + 1)
        {
            if (count == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[count] = new FieldSlot(offset, length, quoted, escaped);
        }

        count++;
    }

    private readonly record struct FieldSlot(int Offset, int Length, bool Quoted, bool Escaped);
}
