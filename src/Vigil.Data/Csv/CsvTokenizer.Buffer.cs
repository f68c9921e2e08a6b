using System.Buffers;

namespace Vigil.Data.Csv;

/// <summary>Buffer management and recovery from malformed records.</summary>
internal sealed partial class CsvTokenizer
{
    // Reports the record's first physical line as malformed and resumes on the line after it.
    private void Fail(CsvRecordError error)
    {
        LineNumber = _line++;
        Error = error;
        FieldCount = 0;
        var brk = _buffer.AsSpan(_start, _end - _start).IndexOfAny(Lf, Cr);
        if (brk >= 0 || _eof)
        {
            _recordLength = brk >= 0 ? brk : _end - _start;
            _next = brk >= 0 ? AfterBreak(_start + brk) : _end;
            return;
        }

        // The first line alone is over the limit: keep its head as raw text and discard up to the next line break.
        _failedRaw = _buffer.AsSpan(_start, Math.Min(_end - _start, RawTextLimit)).ToArray();
        _recordLength = _failedRaw.Length;
        while (true)
        {
            _start = _next = _end;
            Fill();
            brk = _buffer.AsSpan(_start, _end - _start).IndexOfAny(Lf, Cr);
            if (brk >= 0 || _eof)
            {
                _next = brk >= 0 ? AfterBreak(_start + brk) : _end;
                return;
            }
        }
    }

    // The position after the line break at 'at'; a CR at the end of unread data defers its possible LF.
    private int AfterBreak(int at)
    {
        if (_buffer[at] == Lf)
        {
            return at + 1;
        }

        if (at + 1 < _end)
        {
            return _buffer[at + 1] == Lf ? at + 2 : at + 1;
        }

        _skipLf = !_eof;
        return at + 1;
    }

    private void Fill()
    {
        Compact(_start);
        if (_end == _buffer.Length)
        {
            Grow(_buffer.Length * 2);
        }

        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }

    // Moves bytes from 'from' to the front of the buffer.
    private void Compact(int from)
    {
        if (from == 0)
        {
            return;
        }

        var keep = _end - from;
        Buffer.BlockCopy(_buffer, from, _buffer, 0, keep);
        _discarded += from;
        _start -= from;
        _next -= from;
        _end = keep;
        if (_start < 0)
        {
            _start = 0;
        }

        if (_next < 0)
        {
            _next = 0;
        }
    }

    private void Grow(int size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private static long CountLineBreaks(ReadOnlySpan<byte> span)
    {
        long n = span.Count(Lf);
        if (span.IndexOf(Cr) < 0)
        {
            return n;
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == Cr && (i + 1 == span.Length || span[i + 1] != Lf))
            {
                n++;
            }
        }

        return n;
    }
}
