using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.ML.Rul;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil evaluate</c> and <c>vigil predict</c> for RUL models: per-cycle data in, per-window or per-unit scores out.</summary>
public static class RulScoring
{
    /// <summary>Scores a RUL model: every window of a CSV/dataset (truth = its target column or min(cap, last time − time)), or the official last-window protocol of a C-MAPSS test file.</summary>
    public static async Task<int> RunAsync(
        CommandContext context, ParseResult parse, RulModel model, string modelPath, string dataset, string? format, string? truthPath, bool json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        var cmapss = format == "cmapss" || (format is null && truthPath is not null);
        string source;
        string protocol;
        RulWindowSet windows;
        double[] truth;
        try
        {
            if (cmapss)
            {
                if (truthPath is null)
                {
                    throw new UserException("--test-rul: required with --format cmapss (the true RUL of each test unit).");
                }

                foreach (var path in new[] { dataset, truthPath })
                {
                    if (!File.Exists(path))
                    {
                        throw new UserException($"File not found: {path}");
                    }
                }

                source = dataset;
                protocol = "last_window";
                windows = model.Windows(CmapssReader.Read(dataset), lastOnly: true);
                truth = CmapssReader.ReadRul(truthPath);
                if (truth.Length != windows.Count)
                {
                    throw new UserException($"{Path.GetFileName(truthPath)} holds {truth.Length} values for {windows.Count} test units.");
                }
            }
            else
            {
                var loaded = await DatasetInput.LoadAsync(context, parse, dataset, ct).ConfigureAwait(false);
                source = loaded.Source;
                protocol = "all_windows";
                var frame = Labelled(model, loaded.Read.Frame);
                windows = model.Windows(frame, lastOnly: false);
                truth = [.. windows.Targets.Select(t => (double)t)];
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or InvalidCastException)
        {
            throw new UserException($"{dataset} does not fit the RUL model: {ex.Message}", ex);
        }

        if (windows.Count == 0)
        {
            throw new UserException($"{dataset}: no windows to score (every unit is shorter than the model's {model.WindowOptions.WindowLength}-cycle window and padding is off).");
        }

        var evaluation = RulProtocol.Evaluate(model.Predict(windows), truth, model.Cap);
        var units = windows.UnitIds.Distinct().Count();
        if (json)
        {
            await JsonOutput.WriteAsync(context.Console, new JsonObject
            {
                ["model"] = Path.GetFullPath(modelPath),
                ["dataset"] = source,
                ["task"] = "rul",
                ["protocol"] = protocol,
                ["units"] = units,
                ["windows"] = windows.Count,
                ["rul_cap"] = model.Cap,
                ["metrics"] = RulTraining.Metrics(evaluation.Capped),
                ["metrics_uncapped"] = RulTraining.Metrics(evaluation.Uncapped),
            }).ConfigureAwait(false);
        }
        else
        {
            await context.Console.Out.WriteLineAsync($"RUL {model.Regressor.Name} on {source} ({units} units, {windows.Count:N0} windows, {protocol.Replace('_', ' ')}):").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"  truth capped at {model.Cap.ToString(CultureInfo.InvariantCulture)}: {RulTraining.Text(evaluation.Capped)}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"  uncapped truth:     {RulTraining.Text(evaluation.Uncapped)}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>The frame with the model's target column: kept when the data hold it, else the uncapped RUL = last time of the unit − time (run-to-failure data).</summary>
    public static DataFrame Labelled(RulModel model, DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        var prepared = RulWindows.Prepare(frame, model.Columns, model.SensorColumns);
        return prepared.Contains(model.Columns.Target) ? prepared : RulLabels.Add(prepared, model.Columns, double.PositiveInfinity);
    }

    /// <summary>One row per unit (its last window) or per window: unit, time of the window's last row, predicted RUL.</summary>
    public static DataFrame Predictions(RulModel model, DataFrame frame, bool allWindows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        var windows = model.Windows(frame.Contains(model.Columns.Target) ? frame.Drop(model.Columns.Target) : frame, lastOnly: !allWindows);
        var predictions = model.Predict(windows);
        return new DataFrame(
        [
            new Float64Column(model.Columns.Group, [.. windows.UnitIds.Select(u => (double)u)]),
            new Float64Column(model.Columns.Time, [.. windows.EndCycles.Select(c => (double)c)]),
            new Float64Column("predicted_rul", predictions),
        ]);
    }
}
