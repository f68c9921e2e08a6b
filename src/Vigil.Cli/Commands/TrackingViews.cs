using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Runs;

namespace Vigil.Cli.Commands;

/// <summary>JSON and text views of runs, registered models and model versions for <c>vigil runs</c> and <c>vigil models</c>.</summary>
public static class TrackingViews
{
    /// <summary>A Unix-millisecond timestamp as ISO-8601 UTC.</summary>
    public static string Time(long? milliseconds) => milliseconds is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : "";

    /// <summary>A metric value as compact text (G6, invariant).</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A run summary (info, latest metrics, params, tags, inputs).</summary>
    public static JsonObject Run(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var i = run.Info;
        return new JsonObject
        {
            ["run_id"] = i.RunId,
            ["run_name"] = i.RunName,
            ["experiment_id"] = i.ExperimentId,
            ["status"] = i.Status.ToString().ToUpperInvariant(),
            ["user_id"] = i.UserId,
            ["start_time"] = i.StartTime,
            ["end_time"] = i.EndTime,
            ["artifact_uri"] = i.ArtifactUri,
            ["lifecycle_stage"] = i.LifecycleStage.ToString().ToLowerInvariant(),
            ["metrics"] = new JsonObject([.. run.Data.Metrics.Select(m => KeyValuePair.Create(m.Key, Finite(m.Value)))]),
            ["params"] = new JsonObject([.. run.Data.Params.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["tags"] = new JsonObject([.. run.Data.Tags.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["inputs"] = new JsonArray([.. run.Inputs.Select(d => (JsonNode?)new JsonObject
            {
                ["name"] = d.Dataset.Name,
                ["version"] = d.Dataset.Version,
                ["digest"] = d.Dataset.Digest,
                ["source_type"] = d.Dataset.SourceType,
                ["source"] = d.Dataset.Source,
                ["context"] = d.Tags.TryGetValue("mlflow.data.context", out var c) ? c : null,
            })]),
        };
    }

    /// <summary>A registered model.</summary>
    public static JsonObject Model(RegisteredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new JsonObject
        {
            ["name"] = model.Name,
            ["description"] = model.Description,
            ["creation_timestamp"] = model.CreationTimestamp,
            ["last_updated_timestamp"] = model.LastUpdatedTimestamp,
            ["aliases"] = new JsonObject([.. model.Aliases.Select(a => KeyValuePair.Create(a.Alias, (JsonNode?)a.Version))]),
            ["tags"] = new JsonObject([.. model.Tags.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["latest_versions"] = new JsonArray([.. model.LatestVersions.Select(v => (JsonNode?)Version(v))]),
        };
    }

    /// <summary>A model version.</summary>
    public static JsonObject Version(ModelVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new JsonObject
        {
            ["name"] = v.Name,
            ["version"] = v.Version,
            ["current_stage"] = v.CurrentStage.ToString(),
            ["status"] = v.Status.ToString(),
            ["aliases"] = new JsonArray([.. v.Aliases.Select(a => (JsonNode?)a)]),
            ["source"] = v.Source,
            ["run_id"] = v.RunId,
            ["user_id"] = v.UserId,
            ["description"] = v.Description,
            ["creation_timestamp"] = v.CreationTimestamp,
            ["last_updated_timestamp"] = v.LastUpdatedTimestamp,
            ["metrics"] = v.Metrics is null ? null : new JsonObject([.. v.Metrics.Select(kv => KeyValuePair.Create(kv.Key, Finite(kv.Value)))]),
            ["signature"] = v.Signature is null ? null : ParseOrString(v.Signature),
            ["tags"] = new JsonObject([.. v.Tags.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
        };
    }

    /// <summary>An audit entry.</summary>
    public static JsonObject Audit(RegistryAuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new JsonObject
        {
            ["sequence"] = e.Sequence,
            ["timestamp"] = e.Timestamp,
            ["actor"] = e.Actor,
            ["action"] = e.Action.ToString(),
            ["version"] = e.Version,
            ["key"] = e.Key,
            ["from"] = e.From,
            ["to"] = e.To,
            ["reason"] = e.Reason,
        };
    }

    private static JsonNode? ParseOrString(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? value : null;
}
