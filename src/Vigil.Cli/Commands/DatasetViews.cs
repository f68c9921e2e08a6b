using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Pipelines.Ingestion;
using Vigil.Tracking.Datasets;

namespace Vigil.Cli.Commands;

/// <summary>The JSON documents and text renderings of dataset results.</summary>
public static class DatasetViews
{
    /// <summary>The --json document of an ingest.</summary>
    public static JsonObject Ingest(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = result.Read.Summary;
        var doc = Version(result.Version);
        doc["reused"] = result.Reused;
        doc["quarantine_file"] = result.QuarantineFile;
        doc["delimiter"] = summary.Delimiter.ToString();
        doc["has_header"] = summary.HasHeader;
        doc["warnings"] = new JsonArray([.. summary.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]);
        doc["quarantined"] = new JsonArray([.. result.Read.Quarantined.Take(20).Select(q => (JsonNode?)new JsonObject
        {
            ["line"] = q.LineNumber,
            ["reason"] = q.Reason,
        })]);
        return doc;
    }

    /// <summary>The JSON object describing a dataset version (without its profile).</summary>
    public static JsonObject Version(DatasetVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var schema = SchemaJson.Deserialize(v.SchemaJson);
        return new JsonObject
        {
            ["name"] = v.Name,
            ["version"] = v.Version,
            ["reference"] = v.Reference,
            ["sha256"] = v.Sha256,
            ["rows"] = v.RowCount,
            ["quarantined_rows"] = v.QuarantinedRowCount,
            ["columns"] = v.ColumnCount,
            ["target"] = v.Target,
            ["source"] = v.Source,
            ["created_at"] = v.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["schema"] = new JsonArray([.. schema.Columns.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name,
                ["kind"] = c.Kind.ToString().ToLowerInvariant(),
            })]),
        };
    }

    /// <summary>Writes the human-readable result of an ingest.</summary>
    public static void WriteIngestText(CliConsole console, IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Version;
        var o = console.OutConsole;
        o.MarkupLine($"Ingested [bold]{Markup.Escape(Path.GetFileName(v.Source))}[/] as [bold]{Markup.Escape(v.Reference)}[/] {(result.Reused ? "(identical content: existing version reused)" : "(new version)")}");
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("sha256", v.Sha256);
        grid.AddRow("rows", string.Create(CultureInfo.InvariantCulture, $"{v.RowCount:N0} accepted, {v.QuarantinedRowCount:N0} quarantined"));
        var kinds = result.Read.Frame.Columns.GroupBy(c => c.Kind).Select(g => $"{g.Key.ToString().ToLowerInvariant()}: {g.Count()}");
        grid.AddRow("columns", $"{v.ColumnCount} ({string.Join(", ", kinds)})");
        grid.AddRow("target", v.Target ?? "(none)");
        if (result.QuarantineFile is not null)
        {
            grid.AddRow("quarantine", result.QuarantineFile);
        }

        o.Write(grid);
        foreach (var q in result.Read.Quarantined.Take(5))
        {
            o.MarkupLine($"  [yellow]quarantined[/] {Markup.Escape(q.Reason)}");
        }

        if (result.Read.Quarantined.Count > 5)
        {
            o.MarkupLine($"  ... and {result.Read.Quarantined.Count - 5} more in the quarantine file");
        }

        foreach (var w in result.Read.Summary.Warnings)
        {
            o.MarkupLine($"  [yellow]warning[/] {Markup.Escape(w)}");
        }
    }
}
