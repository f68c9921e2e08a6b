using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Pipelines.Tracking;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Sql;

namespace Vigil.Cli;

/// <summary>The tracking flags of <c>vigil train</c> (--experiment, --run-name, --register, --alias, --store) and the session that records one run.</summary>
public sealed class TrainTracking
{
    /// <summary>--experiment NAME.</summary>
    public Option<string?> Experiment { get; } = new("--experiment") { Description = "Record the run in this experiment (created if missing; default: Default)", HelpName = "name" };

    /// <summary>--run-name NAME.</summary>
    public Option<string?> RunName { get; } = new("--run-name") { Description = "The run's display name (default: generated)", HelpName = "name" };

    /// <summary>--register NAME.</summary>
    public Option<string?> Register { get; } = new("--register") { Description = "Register the trained model as a new version of this registered model", HelpName = "name" };

    /// <summary>--alias ALIAS.</summary>
    public Option<string?> Alias { get; } = new("--alias") { Description = "With --register: point this alias (e.g. champion) at the new version", HelpName = "alias" };

    /// <summary>--store URI.</summary>
    public Option<string?> Store { get; } = StoreOption.Create();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Experiment);
        command.Options.Add(RunName);
        command.Options.Add(Register);
        command.Options.Add(Alias);
        command.Options.Add(Store);
    }

    /// <summary>Opens the store and starts the run described by <paramref name="plan"/> (experiment and run name come from the flags).</summary>
    public async Task<Session> StartAsync(CommandContext context, ParseResult parse, RunPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(plan);
        if (parse.GetValue(Alias) is not null && parse.GetValue(Register) is null)
        {
            throw new UserException("--alias needs --register NAME.");
        }

        var store = Stores.Open(context, parse, parse.GetValue(Store));
        try
        {
            var recorder = new RunRecorder(store.Tracking, store.Artifacts, context.Time);
            var run = await recorder.StartAsync(plan with { Experiment = parse.GetValue(Experiment), RunName = parse.GetValue(RunName) }, ct).ConfigureAwait(false);
            var registration = parse.GetValue(Register) is { } name
                ? new ModelRegistration(name, parse.GetValue(Alias), new ChangeContext(RunRecorder.CurrentUser(), $"vigil train: run {run.RunId}"))
                : null;
            return new Session(store, recorder, run, registration);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One recorded training run with its open store.</summary>
    public sealed class Session : IAsyncDisposable
    {
        private readonly VigilStore _store;
        private readonly RunRecorder _recorder;
        private readonly ModelRegistration? _registration;

        internal Session(VigilStore store, RunRecorder recorder, RecordedRun run, ModelRegistration? registration)
        {
            (_store, _recorder, Run, _registration) = (store, recorder, run, registration);
        }

        /// <summary>The run being recorded.</summary>
        public RecordedRun Run { get; }

        /// <summary>Runs training (and saving) inside the run: a failure ends the run FAILED and propagates.</summary>
        public Task<T> GuardAsync<T>(Func<Task<T>> work) => _recorder.GuardAsync(Run, work);

        /// <summary>Logs the outcome, uploads the model, registers it when asked, and ends the run FINISHED.</summary>
        public Task<CompletedRun> CompleteAsync(RunOutcome outcome, string modelFile, CancellationToken ct) =>
            _recorder.CompleteAsync(Run, outcome, modelFile, new ModelRegistrar(_store.Registry), _registration, ct);

        /// <summary>Closes the store.</summary>
        public ValueTask DisposeAsync() => _store.DisposeAsync();
    }

    /// <summary>The JSON fields every training command adds: run_id, experiment_id, and registered_model when registered.</summary>
    public static void AddJson(JsonObject document, CompletedRun completed)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(completed);
        document["run_id"] = completed.Run.RunId;
        document["experiment_id"] = completed.Run.ExperimentId;
        document["run_name"] = completed.Run.RunName;
        document["model_artifact_uri"] = completed.ModelArtifactUri;
        document["registered_model"] = completed.Version is not { } v ? null : new JsonObject
        {
            ["name"] = v.Name,
            ["version"] = v.Version,
            ["aliases"] = new JsonArray([.. v.Aliases.Select(a => (JsonNode?)a)]),
            ["source"] = v.Source,
        };
    }

    /// <summary>The text lines every training command adds: the run, and the registered version when registered.</summary>
    public static async Task WriteTextAsync(TextWriter output, CompletedRun completed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(completed);
        await output.WriteLineAsync($"  run {completed.Run.RunId} ({completed.Run.RunName}) in experiment {completed.Run.ExperimentId}").ConfigureAwait(false);
        if (completed.Version is { } v)
        {
            var aliases = v.Aliases.Count > 0 ? $" (alias {string.Join(", ", v.Aliases)})" : "";
            await output.WriteLineAsync($"  registered {v.Name} version {v.Version}{aliases}").ConfigureAwait(false);
        }
    }
}

/// <summary>The <c>--store URI</c> option shared by the tracking commands.</summary>
public static class StoreOption
{
    /// <summary>A new --store option.</summary>
    public static Option<string?> Create() =>
        new("--store") { Description = "Store URI (default: sqlite:///<data-dir>/vigil.db)", HelpName = "uri" };
}
