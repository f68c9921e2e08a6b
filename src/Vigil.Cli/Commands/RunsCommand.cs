using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Tracking;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Runs;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil runs list|show|compare</c>: the recorded training runs.</summary>
public static class RunsCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("runs", "List, show and compare recorded runs");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Compare(context));
        return command;
    }

    private static Command List(CommandContext context)
    {
        var experiment = new Option<string?>("--experiment") { Description = "Only runs of this experiment (default: every active experiment)", HelpName = "name" };
        var filter = new Option<string?>("--filter") { Description = "MLflow filter, e.g. \"metrics.test_f1 > 0.8 and params.model = 'rf'\"", HelpName = "expr" };
        var orderBy = new Option<string[]>("--order-by") { Description = "Order clause, e.g. \"metrics.test_f1 DESC\" (repeatable)", Arity = ArgumentArity.ZeroOrMore, HelpName = "clause" };
        var max = new Option<int>("--max") { Description = "At most this many runs", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var store = StoreOption.Create();
        var command = new Command("list", "List runs, newest first") { experiment, filter, orderBy, max, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var limit = parse.GetValue(max);
            if (limit < 1 || limit > TrackingLimits.MaxResultsPerPage)
            {
                throw new UserException($"--max {limit}: must be between 1 and {TrackingLimits.MaxResultsPerPage}.");
            }

            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var experiments = await ExperimentsAsync(s.Tracking, parse.GetValue(experiment), ct).ConfigureAwait(false);
            var names = experiments.ToDictionary(e => e.ExperimentId, e => e.Name, StringComparer.Ordinal);
            var order = parse.GetValue(orderBy) is { Length: > 0 } o ? o : null;
            var page = await s.Tracking.SearchRunsAsync(new RunSearch([.. names.Keys], parse.GetValue(filter), ViewType.ActiveOnly, limit, order), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["runs"] = new JsonArray([.. page.Items.Select(r => (JsonNode?)TrackingViews.Run(r))]),
                    ["next_page_token"] = page.NextPageToken,
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (page.Items.Count == 0)
            {
                await context.Console.Out.WriteLineAsync("No runs match. Record one with: vigil train <dataset> --target <column>").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("run id", "name", "experiment", "status", "started", "model", "metrics");
            foreach (var r in page.Items)
            {
                table.AddRow(
                    r.Info.RunId,
                    Markup.Escape(r.Info.RunName),
                    Markup.Escape(names.GetValueOrDefault(r.Info.ExperimentId, r.Info.ExperimentId)),
                    r.Info.Status.ToString().ToUpperInvariant(),
                    TrackingViews.Time(r.Info.StartTime),
                    Markup.Escape(r.Data.Params.GetValueOrDefault("model", "")),
                    Markup.Escape(string.Join("  ", r.Data.Metrics.Where(m => m.Key.StartsWith("test_", StringComparison.Ordinal)).Take(4).Select(m => $"{m.Key} {TrackingViews.Number(m.Value)}"))));
            }

            context.Console.OutConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var runId = new Argument<string>("run-id") { Description = "The run id" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var store = StoreOption.Create();
        var command = new Command("show", "Show a run's params, metrics, tags and dataset inputs") { runId, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var run = await s.Tracking.GetRunAsync(parse.GetRequiredValue(runId), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, TrackingViews.Run(run)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var o = context.Console.Out;
            var i = run.Info;
            await o.WriteLineAsync($"Run {i.RunId} ({i.RunName}) in experiment {i.ExperimentId}: {i.Status.ToString().ToUpperInvariant()}").ConfigureAwait(false);
            await o.WriteLineAsync($"  user {i.UserId}; started {TrackingViews.Time(i.StartTime)}; ended {TrackingViews.Time(i.EndTime)}").ConfigureAwait(false);
            await o.WriteLineAsync($"  artifacts {i.ArtifactUri}").ConfigureAwait(false);
            var table = new Table().AddColumns("kind", "key", "value");
            foreach (var (k, v) in run.Data.Params)
            {
                table.AddRow("param", Markup.Escape(k), Markup.Escape(v));
            }

            foreach (var m in run.Data.Metrics)
            {
                table.AddRow("metric", Markup.Escape(m.Key), TrackingViews.Number(m.Value) + (m.Step > 0 ? $" (step {m.Step})" : ""));
            }

            foreach (var (k, v) in run.Data.Tags)
            {
                table.AddRow("tag", Markup.Escape(k), Markup.Escape(v));
            }

            foreach (var d in run.Inputs)
            {
                table.AddRow("input", Markup.Escape(d.Dataset.Name + (d.Dataset.Version is { } ver ? "@" + ver : "")), Markup.Escape($"sha256 {d.Dataset.Digest} ({d.Dataset.Source})"));
            }

            context.Console.OutConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Compare(CommandContext context)
    {
        var runIds = new Argument<string[]>("run-ids") { Description = "Two or more run ids", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var store = StoreOption.Create();
        var command = new Command("compare", "Compare runs side by side: params and metrics") { runIds, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var ids = parse.GetRequiredValue(runIds);
            if (ids.Length < 2)
            {
                throw new UserException("runs compare needs at least two run ids.");
            }

            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var runs = new List<Run>();
            foreach (var id in ids)
            {
                runs.Add(await s.Tracking.GetRunAsync(id, ct).ConfigureAwait(false));
            }

            var paramKeys = runs.SelectMany(r => r.Data.Params.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            var metricKeys = runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
            string? Param(Run r, string k) => r.Data.Params.TryGetValue(k, out var v) ? v : null;
            double? MetricOf(Run r, string k) => r.Data.Metrics.FirstOrDefault(m => m.Key == k)?.Value;
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode?)new JsonObject
                    {
                        ["run_id"] = r.Info.RunId,
                        ["run_name"] = r.Info.RunName,
                        ["status"] = r.Info.Status.ToString().ToUpperInvariant(),
                    })]),
                    ["params"] = new JsonObject([.. paramKeys.Select(k => KeyValuePair.Create(k, (JsonNode?)new JsonArray([.. runs.Select(r => (JsonNode?)Param(r, k))])))]),
                    ["metrics"] = new JsonObject([.. metricKeys.Select(k => KeyValuePair.Create(k, (JsonNode?)new JsonArray([.. runs.Select(r => MetricOf(r, k) is { } v && double.IsFinite(v) ? (JsonNode?)v : null)])))]),
                    ["differing_params"] = new JsonArray([.. paramKeys.Where(k => runs.Select(r => Param(r, k)).Distinct().Count() > 1).Select(k => (JsonNode?)k)]),
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("");
            foreach (var r in runs)
            {
                table.AddColumn(Markup.Escape($"{r.Info.RunName} ({r.Info.RunId[..8]})"));
            }

            foreach (var k in paramKeys)
            {
                var values = runs.Select(r => Param(r, k) ?? "-").ToList();
                var differs = values.Distinct().Count() > 1;
                table.AddRow([Markup.Escape((differs ? "* " : "  ") + "params." + k), .. values.Select(Markup.Escape)]);
            }

            foreach (var k in metricKeys)
            {
                table.AddRow(["  metrics." + Markup.Escape(k), .. runs.Select(r => MetricOf(r, k) is { } v ? TrackingViews.Number(v) : "-")]);
            }

            context.Console.OutConsole.Write(table);
            await context.Console.Out.WriteLineAsync("(* = the runs differ)").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<List<Experiment>> ExperimentsAsync(ITrackingStore tracking, string? name, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return [await tracking.GetExperimentByNameAsync(name, ct).ConfigureAwait(false)];
        }

        var all = new List<Experiment>();
        string? token = null;
        do
        {
            var page = await tracking.SearchExperimentsAsync(new ExperimentSearch(PageToken: token), ct).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        return all;
    }
}
