using System.Globalization;
using System.Security.Cryptography;
using Vigil.Tracking;
using Vigil.Tracking.Artifacts;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Runs;

namespace Vigil.Pipelines.Tracking;

/// <summary>
/// Records a training run in the tracking store: resolves (or creates) the experiment, creates the run with its params,
/// tags and dataset inputs, logs metrics and metric histories, uploads run-scoped artifacts, and ends the run FINISHED or
/// FAILED. Shared by the CLI, the demo and the server so every training path records the same things.
/// </summary>
public sealed class RunRecorder
{
    /// <summary>The tag holding the task (classification, regression, rul).</summary>
    public const string TaskTag = "vigil.task";

    /// <summary>The tag holding the model family (e.g. <c>gbdt</c>).</summary>
    public const string ModelFamilyTag = "vigil.model_family";

    /// <summary>MLflow's tag for the user who ran the run.</summary>
    public const string UserTag = "mlflow.user";

    /// <summary>MLflow's tag for the run's source (e.g. <c>vigil train</c>).</summary>
    public const string SourceNameTag = "mlflow.source.name";

    /// <summary>The run-relative folder the trained model is uploaded to (MLflow's convention of a <c>model</c> folder).</summary>
    public const string ModelArtifactFolder = "model";

    private readonly ITrackingStore _tracking;
    private readonly IArtifactStore _artifacts;
    private readonly TimeProvider _time;

    /// <summary>Creates a recorder over the given stores and clock.</summary>
    public RunRecorder(ITrackingStore tracking, IArtifactStore artifacts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(time);
        (_tracking, _artifacts, _time) = (tracking, artifacts, time);
    }

    /// <summary>The user to record: <c>$USER</c> (or <c>$USERNAME</c>) when set, else <c>vigil</c>.</summary>
    public static string CurrentUser()
    {
        var user = Environment.GetEnvironmentVariable("USER");
        if (string.IsNullOrWhiteSpace(user))
        {
            user = Environment.GetEnvironmentVariable("USERNAME");
        }

        return string.IsNullOrWhiteSpace(user) ? "vigil" : user;
    }

    /// <summary>The id of the experiment named <paramref name="name"/> (null or empty = <c>Default</c>), created when missing.</summary>
    public async Task<string> EnsureExperimentAsync(string? name, CancellationToken cancellationToken = default)
    {
        var chosen = string.IsNullOrWhiteSpace(name) ? Experiment.DefaultName : name.Trim();
        try
        {
            var existing = await _tracking.GetExperimentByNameAsync(chosen, cancellationToken).ConfigureAwait(false);
            if (existing.LifecycleStage != LifecycleStage.Active)
            {
                throw TrackingException.InvalidState($"Experiment '{chosen}' is deleted; restore it or choose another name.");
            }

            return existing.ExperimentId;
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            try
            {
                return await _tracking.CreateExperimentAsync(chosen, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (TrackingException raced) when (raced.ErrorCode == TrackingErrorCode.ResourceAlreadyExists)
            {
                return (await _tracking.GetExperimentByNameAsync(chosen, cancellationToken).ConfigureAwait(false)).ExperimentId;
            }
        }
    }

    /// <summary>
    /// Creates the run (status RUNNING) in the plan's experiment and logs its params, tags and dataset inputs in one batch.
    /// </summary>
    public async Task<RecordedRun> StartAsync(RunPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var experimentId = await EnsureExperimentAsync(plan.Experiment, cancellationToken).ConfigureAwait(false);
        var user = plan.User ?? CurrentUser();
        var tags = new Dictionary<string, string>(plan.Tags, StringComparer.Ordinal) { [UserTag] = user };
        var run = await _tracking.CreateRunAsync(new NewRun(experimentId, user, plan.RunName, Now(), tags), cancellationToken).ConfigureAwait(false);
        var recorded = new RecordedRun(run.Info.RunId, experimentId, run.Info.RunName, run.Info.ArtifactUri);
        try
        {
            var parameters = plan.Params.Select(kv => new Param(kv.Key, Truncate(kv.Value, TrackingLimits.MaxParamValueLength))).ToList();
            for (var start = 0; start < parameters.Count; start += TrackingLimits.MaxParamsPerBatch)
            {
                var chunk = parameters.GetRange(start, Math.Min(TrackingLimits.MaxParamsPerBatch, parameters.Count - start));
                await _tracking.LogBatchAsync(recorded.RunId, [], chunk, [], cancellationToken).ConfigureAwait(false);
            }

            if (plan.Inputs.Count > 0)
            {
                await _tracking.LogInputsAsync(recorded.RunId, plan.Inputs, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await FailAsync(recorded, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return recorded;
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the run: when it throws (or is cancelled) the run ends FAILED (KILLED on cancellation)
    /// and the exception propagates; otherwise its result is returned and the run stays RUNNING until <see cref="FinishAsync"/>.
    /// </summary>
    public async Task<T> GuardAsync<T>(RecordedRun run, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await EndAsync(run, RunStatus.Killed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch
        {
            await FailAsync(run, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Logs one value per metric at <paramref name="step"/>, keys prefixed with <paramref name="prefix"/>; non-finite values are logged as they are.</summary>
    public Task LogMetricsAsync(
        RecordedRun run, IReadOnlyDictionary<string, double> metrics, string prefix = "", long step = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metrics);
        var now = Now();
        var batch = metrics.Select(kv => new Metric(prefix + kv.Key, kv.Value, now, step)).ToList();
        return batch.Count == 0 ? Task.CompletedTask : LogChunkedAsync(run.RunId, batch, cancellationToken);
    }

    /// <summary>Logs each series as a metric history: value <c>i</c> at step <c>i</c> (e.g. one value per cross-validation fold or epoch).</summary>
    public Task LogHistoriesAsync(
        RecordedRun run, IReadOnlyDictionary<string, IReadOnlyList<double>> series, string prefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(series);
        var now = Now();
        var batch = series.SelectMany(kv => kv.Value.Select((v, i) => new Metric(prefix + kv.Key, v, now, i))).ToList();
        return batch.Count == 0 ? Task.CompletedTask : LogChunkedAsync(run.RunId, batch, cancellationToken);
    }

    /// <summary>Sets tags on the run.</summary>
    public Task SetTagsAsync(RecordedRun run, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Count == 0
            ? Task.CompletedTask
            : _tracking.LogBatchAsync(run.RunId, [], [], [.. tags.Select(kv => new Tag(kv.Key, kv.Value))], cancellationToken);
    }

    /// <summary>
    /// Uploads a local file as a run artifact at <paramref name="artifactPath"/> (relative to the run's artifact folder, e.g.
    /// <c>model/model.vigil</c>) and returns the artifact's URI (the run's artifact URI plus the path).
    /// </summary>
    public async Task<string> LogArtifactAsync(RecordedRun run, string localFile, string artifactPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(localFile);
        var relative = ArtifactPath.Normalize(artifactPath);
        var stream = File.OpenRead(localFile);
        await using (stream.ConfigureAwait(false))
        {
            await _artifacts.PutAsync(ArtifactPath.ForRun(run.ExperimentId, run.RunId, relative), stream, cancellationToken).ConfigureAwait(false);
        }

        return run.ArtifactUri.TrimEnd('/') + "/" + relative;
    }

    /// <summary>
    /// Completes a training run: logs the outcome's params, tags, metrics and histories, uploads the model file to
    /// <c>model/&lt;file name&gt;</c>, registers it when <paramref name="registration"/> is given (source = the run's
    /// <c>model</c> artifact folder), and ends the run FINISHED. When any step fails the run ends FAILED and the error propagates.
    /// </summary>
    public async Task<CompletedRun> CompleteAsync(
        RecordedRun run, RunOutcome outcome, string modelFile, ModelRegistrar? registrar = null, ModelRegistration? registration = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        try
        {
            var extra = outcome.Params.Select(kv => new Param(kv.Key, Truncate(kv.Value, TrackingLimits.MaxParamValueLength))).ToList();
            for (var start = 0; start < extra.Count; start += TrackingLimits.MaxParamsPerBatch)
            {
                var chunk = extra.GetRange(start, Math.Min(TrackingLimits.MaxParamsPerBatch, extra.Count - start));
                await _tracking.LogBatchAsync(run.RunId, [], chunk, [], cancellationToken).ConfigureAwait(false);
            }

            await SetTagsAsync(run, outcome.Tags, cancellationToken).ConfigureAwait(false);
            await LogMetricsAsync(run, outcome.Metrics, cancellationToken: cancellationToken).ConfigureAwait(false);
            await LogHistoriesAsync(run, outcome.Histories, cancellationToken: cancellationToken).ConfigureAwait(false);
            var artifactUri = await LogArtifactAsync(run, modelFile, ModelArtifactFolder + "/" + Path.GetFileName(modelFile), cancellationToken).ConfigureAwait(false);
            ModelVersion? version = null;
            if (registration is not null)
            {
                if (registrar is null)
                {
                    throw new ArgumentException("A registration needs a registrar.", nameof(registrar));
                }

                version = await registrar.RegisterAsync(
                    new NewModelVersion(
                        registration.Name,
                        run.ArtifactUri.TrimEnd('/') + "/" + ModelArtifactFolder,
                        run.RunId,
                        registration.Description,
                        new Dictionary<string, string>(StringComparer.Ordinal) { ["vigil.model_file"] = ModelArtifactFolder + "/" + Path.GetFileName(modelFile) },
                        null,
                        outcome.SignatureJson,
                        outcome.RegistryMetrics),
                    registration.Alias,
                    registration.Context,
                    cancellationToken).ConfigureAwait(false);
            }

            await FinishAsync(run, cancellationToken).ConfigureAwait(false);
            return new CompletedRun(run, artifactUri, version);
        }
        catch
        {
            await FailAsync(run, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends the run FINISHED.</summary>
    public Task FinishAsync(RecordedRun run, CancellationToken cancellationToken = default) => EndAsync(run, RunStatus.Finished, cancellationToken);

    /// <summary>Ends the run FAILED; never throws (a failure to record the failure must not hide the original error).</summary>
    public Task FailAsync(RecordedRun run, CancellationToken cancellationToken = default) => EndAsync(run, RunStatus.Failed, cancellationToken, swallow: true);

    /// <summary>The lowercase hex SHA-256 of a file's bytes.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A dataset input for a registered Vigil dataset version (source type <c>vigil</c>, digest = its SHA-256).</summary>
    public static DatasetInput RegisteredDataset(string name, int version, string sha256, string source, string? schemaJson = null, string context = "training") =>
        new(new Dataset(name, sha256, "vigil", source, schemaJson, null, version.ToString(CultureInfo.InvariantCulture)), Context(context));

    /// <summary>A dataset input for a local file, digest = the SHA-256 of its bytes, named after the file.</summary>
    public static DatasetInput LocalFile(string path, string context = "training")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        return new(new Dataset(Path.GetFileNameWithoutExtension(full), HashFile(full), "local", full), Context(context));
    }

    private static Dictionary<string, string> Context(string context) => new(StringComparer.Ordinal) { ["mlflow.data.context"] = context };

    private async Task LogChunkedAsync(string runId, List<Metric> metrics, CancellationToken cancellationToken)
    {
        for (var start = 0; start < metrics.Count; start += TrackingLimits.MaxMetricsPerBatch)
        {
            var chunk = metrics.GetRange(start, Math.Min(TrackingLimits.MaxMetricsPerBatch, metrics.Count - start));
            await _tracking.LogBatchAsync(runId, chunk, [], [], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EndAsync(RecordedRun run, RunStatus status, CancellationToken cancellationToken, bool swallow = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await _tracking.UpdateRunAsync(run.RunId, new RunUpdate(status, Now()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (swallow)
        {
            // The caller is already reporting the original failure.
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>What to record when a run starts.</summary>
/// <param name="Experiment">The experiment name (null = <c>Default</c>); created when missing.</param>
/// <param name="RunName">The run's display name, or null for the store's default.</param>
/// <param name="Params">Run params (model, learner parameters, seed, split, ...).</param>
/// <param name="Tags">Run tags (<c>vigil.task</c>, <c>vigil.model_family</c>, ...); <c>mlflow.user</c> is added.</param>
/// <param name="Inputs">Dataset inputs for lineage.</param>
/// <param name="User">The user, or null for <see cref="RunRecorder.CurrentUser"/>.</param>
public sealed record RunPlan(
    string? Experiment,
    string? RunName,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<DatasetInput> Inputs,
    string? User = null);

/// <summary>A run being recorded.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="ExperimentId">The experiment id.</param>
/// <param name="RunName">The run's display name.</param>
/// <param name="ArtifactUri">The root URI of the run's artifacts.</param>
public sealed record RecordedRun(string RunId, string ExperimentId, string RunName, string ArtifactUri);

/// <summary>A request to register a run's model as a new version of a registered model.</summary>
/// <param name="Name">The registered model (created when missing).</param>
/// <param name="Alias">An alias to point at the new version, or null.</param>
/// <param name="Context">Who registers it and why (recorded in the audit log).</param>
/// <param name="Description">The version's description, or null.</param>
public sealed record ModelRegistration(string Name, string? Alias, ChangeContext Context, string? Description = null);

/// <summary>A finished, recorded training run.</summary>
/// <param name="Run">The run.</param>
/// <param name="ModelArtifactUri">The URI of the uploaded model file.</param>
/// <param name="Version">The registered model version, or null when not registered.</param>
public sealed record CompletedRun(RecordedRun Run, string ModelArtifactUri, ModelVersion? Version);
