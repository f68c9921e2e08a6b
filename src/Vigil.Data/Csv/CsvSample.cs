using System.Text;
using System.Text.Unicode;

namespace Vigil.Data.Csv;

/// <summary>What a sampled field can be read as.</summary>
[Flags]
internal enum FieldClass : byte
{
    /// <summary>Plain text.</summary>
    Text = 0,

    /// <summary>A missing-value token.</summary>
    Missing = 1,

    /// <summary>An invariant-culture number.</summary>
    Number = 2,

    /// <summary>true or false.</summary>
    Boolean = 4,

    /// <summary>An ISO-8601 date or date-time.</summary>
    Timestamp = 8,
}

/// <summary>One well-formed record from the head of the input, decoded for inference.</summary>
internal sealed record SampleRecord(long Line, int FieldCount, string[] Values, FieldClass[] Classes, bool ValidUtf8);

/// <summary>The leading records of the input, used to detect the header and infer column kinds.</summary>
internal sealed class CsvSample
{
    private const long MaxSampledCells = 2_000_000;

    private CsvSample(List<SampleRecord> records, long firstBadLine, string? firstBadReason, double bytesPerRecord, bool complete)
    {
        Records = records;
        FirstBadLine = firstBadLine;
        FirstBadReason = firstBadReason;
        BytesPerRecord = bytesPerRecord;
        Complete = complete;
    }

    /// <summary>The well-formed records, in order.</summary>
    public IReadOnlyList<SampleRecord> Records { get; }

    /// <summary>The line of the first malformed record seen, or 0.</summary>
    public long FirstBadLine { get; }

    /// <summary>Why the first malformed record is malformed, or null.</summary>
    public string? FirstBadReason { get; }

    /// <summary>The mean bytes per record in the sample, for sizing column arrays.</summary>
    public double BytesPerRecord { get; }

    /// <summary>Whether the sample reached the end of the input.</summary>
    public bool Complete { get; }

    /// <summary>Reads up to <c>InferenceSampleRows + 1</c> well-formed records from the stream's position.</summary>
    public static CsvSample Read(Stream stream, byte delimiter, CsvReadOptions options, MissingTokenSet missing, CancellationToken ct)
    {
        var records = new List<SampleRecord>();
        long firstBadLine = 0;
        string? firstBadReason = null;
        var wanted = (long)options.InferenceSampleRows + 1;
        var seen = 0L;
        var complete = true;
        using var tokenizer = new CsvTokenizer(stream, delimiter, options.MaxRecordBytes, options.MaxColumns);
        while (records.Count < wanted)
        {
            if (!tokenizer.Read())
            {
                break;
            }

            ct.ThrowIfCancellationRequested();
            seen++;
            if (tokenizer.Error != CsvRecordError.None || tokenizer.FieldCount > options.MaxColumns)
            {
                if (firstBadLine == 0)
                {
                    firstBadLine = tokenizer.LineNumber;
                    firstBadReason = tokenizer.Error == CsvRecordError.None
                        ? $"{tokenizer.FieldCount} fields exceed the limit of {options.MaxColumns} columns"
                        : CsvReadPass.Describe(tokenizer.Error, options);
                }

                continue;
            }

            records.Add(Decode(tokenizer, missing));
            if (records.Count == 1)
            {
                wanted = Math.Min(wanted, Math.Max(10, MaxSampledCells / Math.Max(1, tokenizer.FieldCount)));
            }
        }

        if (records.Count >= wanted)
        {
            complete = !tokenizer.Read();
        }

        var bytesPerRecord = seen == 0 ? 1 : Math.Max(1.0, (double)tokenizer.BytesConsumed / seen);
        return new CsvSample(records, firstBadLine, firstBadReason, bytesPerRecord, complete);
    }

    private static SampleRecord Decode(CsvTokenizer tokenizer, MissingTokenSet missing)
    {
        var n = tokenizer.FieldCount;
        var values = new string[n];
        var classes = new FieldClass[n];
        var valid = true;
        for (var i = 0; i < n; i++)
        {
            var field = tokenizer.Field(i);
            valid &= Utf8.IsValid(field);
            values[i] = Encoding.UTF8.GetString(field);
            classes[i] = Classify(field, missing);
        }

        return new SampleRecord(tokenizer.LineNumber, n, values, classes, valid);
    }

    private static FieldClass Classify(ReadOnlySpan<byte> field, MissingTokenSet missing)
    {
        if (missing.IsMissing(field))
        {
            return FieldClass.Missing;
        }

        var c = FieldClass.Text;
        if (CsvValueParser.TryParseDouble(field, out _))
        {
            c |= FieldClass.Number;
        }

        if (CsvValueParser.TryParseBoolean(field, out _))
        {
            c |= FieldClass.Boolean;
        }

        if (CsvValueParser.TryParseTimestamp(field, out _))
        {
            c |= FieldClass.Timestamp;
        }

        return c;
    }
}
