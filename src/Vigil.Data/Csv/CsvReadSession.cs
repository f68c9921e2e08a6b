using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>Orchestrates one read: BOM, delimiter, sample, schema, full pass, widening re-read, result.</summary>
internal static class CsvReadSession
{
    public static CsvReadResult Run(Stream stream, CsvReadOptions options, IProgress<double>? progress, CancellationToken ct)
    {
        var origin = stream.Position;
        var length = Math.Max(0, stream.Length - origin);
        var bom = CsvDialectSniffer.SkipBom(stream);
        var dataStart = origin + bom;
        var delimiter = options.Delimiter ?? CsvDialectSniffer.DetectDelimiter(stream, options.MaxColumns);
        var missing = new MissingTokenSet(options.MissingTokens);

        var sample = CsvSample.Read(stream, (byte)delimiter, options, missing, ct);
        var schema = CsvSchemaInference.Infer(sample, options);
        var capacity = sample.Complete
            ? sample.Records.Count
            : (int)Math.Clamp((length / sample.BytesPerRecord * 1.05) + 16, 16, Array.MaxLength / 2);

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

        var passes = 1;
        stream.Position = dataStart;
        var pass = new CsvReadPass(options, schema, missing, (byte)delimiter);
        pass.Run(stream, capacity, Report, ct);

        var widened = new List<string>();
        for (var j = 0; j < schema.Plans.Length; j++)
        {
            var plan = schema.Plans[j];
            var failures = pass.Failures[j];
            var wrong = plan.Undetermined
                ? failures > 0
                : failures > options.WideningMinFailures && failures > options.WideningFraction * pass.RowsRead;
            if (!plan.Forced && failures > 0 && wrong)
            {
                schema.Plans[j] = plan with { Kind = ColumnKind.Categorical, Undetermined = false, Widened = true };
                widened.Add(schema.Names[j]);
                schema.Warnings.Add($"column '{schema.Names[j]}': {failures} of {pass.RowsRead} values were not {plan.Kind}; read as text.");
            }
        }

        if (widened.Count > 0)
        {
            passes++;
            var rows = pass.RowsRead;
            stream.Position = dataStart;
            pass = new CsvReadPass(options, schema, missing, (byte)delimiter);
            pass.Run(stream, (int)Math.Min(rows + 16, Array.MaxLength / 2), Report, ct);
        }

        var accepted = pass.Builders.Length == 0 ? 0 : pass.Builders[0].Count;
        if (pass.RowsRead > 0 && accepted == 0)
        {
            var first = pass.Quarantined[0];
            throw new CsvFormatException(first.LineNumber, $"every data row was quarantined ({pass.RowsRead}); the first: {first.Reason}.");
        }

        var warnings = schema.Warnings;
        if (pass.BlankLines > 0)
        {
            warnings.Add($"{pass.BlankLines} blank lines were skipped.");
        }

        var columns = new Column[pass.Builders.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = pass.Builders[j].Build(warnings);
        }

        var frame = new DataFrame(columns);
        var summary = new CsvReadSummary(
            RowsRead: pass.RowsRead,
            RowsAccepted: accepted,
            RowsQuarantined: pass.Quarantined.Count,
            Delimiter: delimiter,
            HasHeader: schema.HasHeader,
            Columns: [.. columns.Select(c => new ColumnSchema(c.Name, c.Kind))],
            WidenedColumns: widened,
            BytesRead: length,
            Passes: passes,
            Warnings: warnings);
        return new CsvReadResult(frame, pass.Quarantined, summary);
    }
}
