using System.CommandLine;
using Vigil.Data.Csv;
using Vigil.Pipelines.Ingestion;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil ingest &lt;file.csv&gt; --name N [--target T] [--json]</c>: version a CSV by content hash.</summary>
public static class IngestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = "The CSV file to ingest" };
        var name = new Option<string>("--name") { Description = "The dataset name", Required = true };
        var target = new Option<string?>("--target") { Description = "The target column (checked to exist)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("ingest", "Read, profile and version a CSV file; bad rows go to a quarantine file") { file, name, target, json };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new UserException($"File not found: {path}");
            }

            IngestRequest request;
            try
            {
                request = new IngestRequest(path, parse.GetRequiredValue(name), parse.GetValue(target));
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            await using var store = Stores.Open(context, parse);
            var ingestor = Stores.Ingestor(store);
            IngestResult result;
            try
            {
                result = await Progress.RunAsync(context.Console, $"Reading {Path.GetFileName(path)}", p => ingestor.IngestAsync(request, p, ct)).ConfigureAwait(false);
            }
            catch (CsvFormatException ex)
            {
                throw new UserException($"{path}: {ex.Message}", ex);
            }
            catch (ArgumentException ex)
            {
                throw new UserException(ex.Message);
            }

            var view = DatasetViews.Ingest(result);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, view).ConfigureAwait(false);
            }
            else
            {
                DatasetViews.WriteIngestText(context.Console, result);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
