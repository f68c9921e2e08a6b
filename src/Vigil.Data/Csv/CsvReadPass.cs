using System.Text;

namespace Vigil.Data.Csv;

/// <summary>One full pass over the input: tokenizes every record, stages and commits values, and quarantines bad records.</summary>
internal sealed class CsvReadPass
{
    private const int PreviewBytes = 40;

    private readonly CsvReadOptions _options;
    private readonly InferredSchema _schema;
    private readonly MissingTokenSet _missing;
    private readonly byte _delimiter;
    private bool _headerPending;

    public CsvReadPass(CsvReadOptions options, InferredSchema schema, MissingTokenSet missing, byte delimiter)
    {
        _options = options;
        _schema = schema;
        _missing = missing;
        _delimiter = delimiter;
        _headerPending = schema.HasHeader;
    }

    /// <summary>The column builders, one per column.</summary>
    public CsvColumnBuilder[] Builders { get; private set; } = [];

    /// <summary>The quarantined records in input order.</summary>
    public List<QuarantinedRow> Quarantined { get; private set; } = [];

    /// <summary>Per column, how many records had a value that did not parse.</summary>
    public long[] Failures { get; private set; } = [];

    /// <summary>Data records seen, accepted or not.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Blank lines skipped between records.</summary>
    public int BlankLines { get; private set; }

    /// <summary>The reason text for a tokenizer error.</summary>
    public static string Describe(CsvRecordError error, CsvReadOptions options) => error switch
    {
        CsvRecordError.CharacterAfterQuote => "unexpected character after a closing quote",
        CsvRecordError.UnterminatedQuote => "unterminated quoted field at end of input",
        CsvRecordError.TooLong => $"record exceeds the limit of {options.MaxRecordBytes} bytes",
        _ => "malformed record",
    };

    /// <summary>Reads the stream from its current position to the end.</summary>
    public void Run(Stream stream, int capacity, Action<long> progress, CancellationToken ct)
    {
        StartChunk(capacity);
        using var tokenizer = new CsvTokenizer(stream, _delimiter, _options.MaxRecordBytes, _options.MaxColumns);
        var record = 0L;
        while (tokenizer.Read())
        {
            if ((++record & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress(tokenizer.BytesConsumed);
            }

            Process(tokenizer);
        }

        BlankLines = tokenizer.BlankLines;
        progress(tokenizer.BytesConsumed);
    }

    /// <summary>
    /// Starts a new set of builders, quarantine list and row count, keeping the header state and the failure counts;
    /// with <paramref name="uncappedText"/> a Categorical column never turns into String.
    /// </summary>
    public void StartChunk(int capacity, bool uncappedText = false)
    {
        var n = _schema.Names.Length;
        Builders = new CsvColumnBuilder[n];
        for (var j = 0; j < n; j++)
        {
            var p = _schema.Plans[j];
            Builders[j] = CsvColumnBuilder.Create(_schema.Names[j], p.Kind, p.Forced || uncappedText, p.Widened, _options, capacity);
        }

        if (Failures.Length != n)
        {
            Failures = new long[n];
        }

        Quarantined = [];
        RowsRead = 0;
    }

    /// <summary>Handles the tokenizer's current record: skips the header, else accepts or quarantines it.</summary>
    public void Process(CsvTokenizer tokenizer)
    {
        if (_headerPending && tokenizer.Error == CsvRecordError.None && tokenizer.LineNumber == _schema.HeaderLine)
        {
            _headerPending = false;
            return;
        }

        RowsRead++;
        var line = tokenizer.LineNumber;
        if (tokenizer.Error != CsvRecordError.None)
        {
            Quarantine(tokenizer, $"line {line}: {Describe(tokenizer.Error, _options)}");
        }
        else if (tokenizer.FieldCount != Builders.Length)
        {
            Quarantine(tokenizer, $"line {line}: expected {Builders.Length} fields, found {tokenizer.FieldCount}");
        }
        else
        {
            ReadFields(tokenizer);
        }
    }

    private void ReadFields(CsvTokenizer tokenizer)
    {
        var builders = Builders;
        string? reason = null;
        var failed = 0;
        for (var j = 0; j < builders.Length; j++)
        {
            var b = builders[j];
            var length = tokenizer.FieldLength(j);
            if (length > _options.MaxFieldLength)
            {
                reason ??= $"line {tokenizer.LineNumber}, column '{b.Name}': field is {length} bytes, over the limit of {_options.MaxFieldLength}";
                failed++;
                continue;
            }

            var field = tokenizer.Field(j);
            var missing = (b.IsTyped || !tokenizer.IsQuoted(j)) && _missing.IsMissing(field);
            if (!b.Stage(field, missing))
            {
                Failures[j]++;
                reason ??= $"line {tokenizer.LineNumber}, column '{b.Name}': '{Preview(field)}' {b.Expectation}";
                failed++;
            }
        }

        if (reason is not null)
        {
            Quarantine(tokenizer, failed > 1 ? $"{reason} (and {failed - 1} more fields)" : reason);
            return;
        }

        foreach (var b in builders)
        {
            b.Commit();
        }
    }

    private void Quarantine(CsvTokenizer tokenizer, string reason) =>
        Quarantined.Add(new QuarantinedRow(tokenizer.LineNumber, reason, Encoding.UTF8.GetString(tokenizer.Raw)));

    private static string Preview(ReadOnlySpan<byte> field) =>
        field.Length <= PreviewBytes ? Encoding.UTF8.GetString(field) : Encoding.UTF8.GetString(field[..PreviewBytes]) + "…";
}
