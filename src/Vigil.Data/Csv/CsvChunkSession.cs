using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>Orchestrates a chunked read: BOM, delimiter, sample and schema once, then one pass that yields a frame per chunk.</summary>
internal static class CsvChunkSession
{
    private const int MaxInitialCapacity = 1 << 16;

    public static IEnumerable<CsvReadResult> Run(Stream stream, CsvReadOptions options, int chunkRows, IProgress<double>? progress, CancellationToken ct)
    {
        var origin = stream.Position;
        var length = Math.Max(0, stream.Length - origin);
        var bom = CsvDialectSniffer.SkipBom(stream);
        var dataStart = origin + bom;
        var delimiter = options.Delimiter ?? CsvDialectSniffer.DetectDelimiter(stream, options.MaxColumns);
        var missing = new MissingTokenSet(options.MissingTokens);

        var sample = CsvSample.Read(stream, (byte)delimiter, options, missing, ct);
        var schema = CsvSchemaInference.Infer(sample, options);
        var capacity = Math.Min(chunkRows, sample.Complete ? Math.Max(sample.Records.Count, 16) : MaxInitialCapacity);
        for (var j = 0; j < schema.Plans.Length; j++)
        {
            if (schema.Plans[j].Undetermined && !schema.Plans[j].Forced)
            {
                schema.Warnings.Add($"column '{schema.Names[j]}': no value in the sample; read as {schema.Plans[j].Kind}, and other values are quarantined (no widening when reading in chunks).");
            }
        }

        sample = null;
        var reported = 0.0;
        void Report(long bytes)
        {
            var fraction = length == 0 ? 1 : Math.Min(1, (double)(bytes + bom) / length);
            if (progress is not null && fraction > reported)
            {
                reported = fraction;
                progress.Report(fraction);
            }
        }

        stream.Position = dataStart;
        var pass = new CsvReadPass(options, schema, missing, (byte)delimiter);
        pass.StartChunk(capacity, uncappedText: true);
        using var tokenizer = new CsvTokenizer(stream, (byte)delimiter, options.MaxRecordBytes, options.MaxColumns);
        var record = 0L;
        var blankLines = 0;
        var chunks = 0;
        var totalRead = 0L;
        var totalAccepted = 0L;
        var columns = schema.Names.Length;
        QuarantinedRow? firstBad = null;
        while (tokenizer.Read())
        {
            if ((++record & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                Report(tokenizer.BytesConsumed);
            }

            pass.Process(tokenizer);
            if (firstBad is null && pass.Quarantined.Count > 0)
            {
                firstBad = pass.Quarantined[0];
            }

            var accepted = columns == 0 ? 0 : pass.Builders[0].Count;
            if (accepted >= chunkRows || pass.Quarantined.Count >= chunkRows)
            {
                ct.ThrowIfCancellationRequested();
                Report(tokenizer.BytesConsumed);
                totalRead += pass.RowsRead;
                totalAccepted += accepted;
                yield return Emit(pass, schema, delimiter, length, chunks++ == 0, tokenizer.BlankLines - blankLines);
                blankLines = tokenizer.BlankLines;
                pass.StartChunk(capacity, uncappedText: true);
            }
        }

        Report(tokenizer.BytesConsumed);
        var lastAccepted = columns == 0 ? 0 : pass.Builders[0].Count;
        totalRead += pass.RowsRead;
        totalAccepted += lastAccepted;
        if (totalRead > 0 && totalAccepted == 0 && firstBad is not null)
        {
            throw new CsvFormatException(firstBad.LineNumber, $"every data row was quarantined ({totalRead}); the first: {firstBad.Reason}.");
        }

        if (chunks == 0 || pass.RowsRead > 0)
        {
            yield return Emit(pass, schema, delimiter, length, chunks == 0, tokenizer.BlankLines - blankLines);
        }
    }

    private static CsvReadResult Emit(CsvReadPass pass, InferredSchema schema, char delimiter, long length, bool first, int blankLines)
    {
        List<string> warnings = first ? [.. schema.Warnings] : [];
        if (blankLines > 0)
        {
            warnings.Add($"{blankLines} blank lines were skipped.");
        }

        var columns = new Column[pass.Builders.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = pass.Builders[j].Build(warnings);
        }

        var frame = new DataFrame(columns);
        var summary = new CsvReadSummary(
            RowsRead: pass.RowsRead,
            RowsAccepted: frame.RowCount,
            RowsQuarantined: pass.Quarantined.Count,
            Delimiter: delimiter,
            HasHeader: schema.HasHeader,
            Columns: [.. columns.Select(c => new ColumnSchema(c.Name, c.Kind))],
            WidenedColumns: [],
            BytesRead: length,
            Passes: 1,
            Warnings: warnings);
        return new CsvReadResult(frame, pass.Quarantined, summary);
    }
}
