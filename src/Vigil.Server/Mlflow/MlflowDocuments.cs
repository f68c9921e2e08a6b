using System.Text.Json.Serialization;
using Vigil.Tracking;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Runs;

namespace Vigil.Server.Mlflow;

// MLflow's wire shapes (protos service.proto / model_registry.proto as its server writes them): snake_case, int64 as JSON
// numbers, model versions as strings, doubles NaN/Infinity as the strings "NaN"/"Infinity"/"-Infinity" (protobuf JSON).

/// <summary>The empty success answer <c>{}</c>.</summary>
internal sealed record EmptyDocument;

/// <summary>A <c>{key, value}</c> pair (ExperimentTag, RunTag, Param, RegisteredModelTag, ModelVersionTag, InputTag).</summary>
internal sealed record KeyValueDocument(string Key, string Value)
{
    public static List<KeyValueDocument> From(IReadOnlyDictionary<string, string> pairs) =>
        [.. pairs.Select(p => new KeyValueDocument(p.Key, p.Value))];
}

/// <summary>MLflow <c>Experiment</c>.</summary>
internal sealed record ExperimentDocument(
    string ExperimentId, string Name, string ArtifactLocation, string LifecycleStage, long LastUpdateTime, long CreationTime,
    List<KeyValueDocument> Tags)
{
    public static ExperimentDocument From(Experiment e) => new(
        e.ExperimentId, e.Name, e.ArtifactLocation, ApiNames.Format(e.LifecycleStage), e.LastUpdateTime, e.CreationTime, KeyValueDocument.From(e.Tags));
}

internal sealed record CreateExperimentResponse(string ExperimentId);

internal sealed record GetExperimentResponse(ExperimentDocument Experiment);

internal sealed record SearchExperimentsResponse(List<ExperimentDocument> Experiments, string? NextPageToken);

/// <summary>MLflow <c>Metric</c>.</summary>
internal sealed record MetricDocument(string Key, double Value, long Timestamp, long Step)
{
    public static MetricDocument From(Metric m) => new(m.Key, m.Value, m.Timestamp, m.Step);
}

/// <summary>MLflow <c>RunInfo</c> (with the deprecated <c>run_uuid</c> that older clients still read).</summary>
internal sealed record RunInfoDocument(
    string RunId, string RunUuid, string RunName, string ExperimentId, string UserId, string Status, long StartTime, long? EndTime,
    string ArtifactUri, string LifecycleStage)
{
    public static RunInfoDocument From(RunInfo i) => new(
        i.RunId, i.RunId, i.RunName, i.ExperimentId, i.UserId, ApiNames.Format(i.Status), i.StartTime, i.EndTime, i.ArtifactUri,
        ApiNames.Format(i.LifecycleStage));
}

/// <summary>MLflow <c>RunData</c>.</summary>
internal sealed record RunDataDocument(List<MetricDocument> Metrics, List<KeyValueDocument> Params, List<KeyValueDocument> Tags);

/// <summary>MLflow <c>Dataset</c>.</summary>
internal sealed record DatasetDocument(string Name, string Digest, string SourceType, string Source, string? Schema, string? Profile);

/// <summary>MLflow <c>DatasetInput</c>.</summary>
internal sealed record DatasetInputDocument(List<KeyValueDocument> Tags, DatasetDocument Dataset);

/// <summary>MLflow <c>RunInputs</c>.</summary>
internal sealed record RunInputsDocument(List<DatasetInputDocument> DatasetInputs);

/// <summary>MLflow <c>Run</c>.</summary>
internal sealed record RunDocument(RunInfoDocument Info, RunDataDocument Data, RunInputsDocument Inputs)
{
    public static RunDocument From(Run run) => new(
        RunInfoDocument.From(run.Info),
        new RunDataDocument(
            [.. run.Data.Metrics.Select(MetricDocument.From)], KeyValueDocument.From(run.Data.Params), KeyValueDocument.From(run.Data.Tags)),
        new RunInputsDocument([.. run.Inputs.Select(i => new DatasetInputDocument(
            KeyValueDocument.From(i.Tags),
            new DatasetDocument(i.Dataset.Name, i.Dataset.Digest, i.Dataset.SourceType, i.Dataset.Source, i.Dataset.Schema, i.Dataset.Profile)))]));
}

internal sealed record RunResponse(RunDocument Run);

internal sealed record UpdateRunResponse(RunInfoDocument RunInfo);

internal sealed record SearchRunsResponse(List<RunDocument> Runs, string? NextPageToken);

internal sealed record MetricHistoryResponse(List<MetricDocument> Metrics, string? NextPageToken);

/// <summary>MLflow <c>RegisteredModelAlias</c>: the version is a string.</summary>
internal sealed record AliasDocument(string Alias, string Version);

/// <summary>MLflow <c>ModelVersion</c>: <c>version</c> is a string.</summary>
internal sealed record ModelVersionDocument(
    string Name, string Version, long CreationTimestamp, long LastUpdatedTimestamp, string? UserId, string CurrentStage, string? Description,
    string Source, string? RunId, string Status, string? StatusMessage, List<KeyValueDocument> Tags, string? RunLink, List<string> Aliases)
{
    public static ModelVersionDocument From(ModelVersion v) => new(
        v.Name, MlflowFormat.Version(v.Version), v.CreationTimestamp, v.LastUpdatedTimestamp, v.UserId, ApiNames.Format(v.CurrentStage),
        v.Description, v.Source, v.RunId, ApiNames.Format(v.Status), v.StatusMessage, KeyValueDocument.From(v.Tags), v.RunLink, [.. v.Aliases]);
}

/// <summary>MLflow <c>RegisteredModel</c>.</summary>
internal sealed record RegisteredModelDocument(
    string Name, long CreationTimestamp, long LastUpdatedTimestamp, string? Description, List<ModelVersionDocument> LatestVersions,
    List<KeyValueDocument> Tags, List<AliasDocument> Aliases)
{
    public static RegisteredModelDocument From(RegisteredModel m) => new(
        m.Name, m.CreationTimestamp, m.LastUpdatedTimestamp, m.Description, [.. m.LatestVersions.Select(ModelVersionDocument.From)],
        KeyValueDocument.From(m.Tags), [.. m.Aliases.Select(a => new AliasDocument(a.Alias, MlflowFormat.Version(a.Version)))]);
}

internal sealed record RegisteredModelResponse(RegisteredModelDocument RegisteredModel);

internal sealed record SearchRegisteredModelsResponse(List<RegisteredModelDocument> RegisteredModels, string? NextPageToken);

internal sealed record ModelVersionResponse(ModelVersionDocument ModelVersion);

internal sealed record ModelVersionsResponse(List<ModelVersionDocument> ModelVersions, string? NextPageToken);

internal sealed record DownloadUriResponse(string ArtifactUri);

/// <summary>MLflow <c>FileInfo</c>; <c>file_size</c> is omitted for folders.</summary>
internal sealed record FileInfoDocument(string Path, bool IsDir, long? FileSize);

/// <summary>The answer of <c>mlflow-artifacts/artifacts</c> GET (list).</summary>
internal sealed record ArtifactFilesResponse(List<FileInfoDocument> Files);

/// <summary>The answer of <c>mlflow/artifacts/list</c>.</summary>
internal sealed record ListArtifactsResponse(string RootUri, List<FileInfoDocument> Files, string? NextPageToken);

/// <summary>Source-generated JSON of the MLflow documents, with MLflow's conventions.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EmptyDocument))]
[JsonSerializable(typeof(CreateExperimentResponse))]
[JsonSerializable(typeof(GetExperimentResponse))]
[JsonSerializable(typeof(SearchExperimentsResponse))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(UpdateRunResponse))]
[JsonSerializable(typeof(SearchRunsResponse))]
[JsonSerializable(typeof(MetricHistoryResponse))]
[JsonSerializable(typeof(RegisteredModelResponse))]
[JsonSerializable(typeof(SearchRegisteredModelsResponse))]
[JsonSerializable(typeof(ModelVersionResponse))]
[JsonSerializable(typeof(ModelVersionsResponse))]
[JsonSerializable(typeof(DownloadUriResponse))]
[JsonSerializable(typeof(ArtifactFilesResponse))]
[JsonSerializable(typeof(ListArtifactsResponse))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext;
