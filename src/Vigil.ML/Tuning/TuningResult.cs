using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.ML.Tuning;

/// <summary>A finished study: every trial in number order, the best one, and why it stopped; round-trips through snake_case JSON.</summary>
public sealed record TuningResult
{
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    /// <summary>Whether lower or higher values were better.</summary>
    public required TuningDirection Direction { get; init; }

    /// <summary>Why the study stopped.</summary>
    public required TuningStopReason StopReason { get; init; }

    /// <summary>When the study started, from its <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the study ended, from its <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>Every trial, in number order.</summary>
    public required IReadOnlyList<TrialRecord> Trials { get; init; }

    /// <summary>The complete trial with the best value (lowest number on ties), or null when none completed.</summary>
    [JsonIgnore]
    public TrialRecord? BestTrial
    {
        get
        {
            var sign = Direction == TuningDirection.Minimize ? 1.0 : -1.0;
            return Trials.Where(t => t.State == TrialState.Complete && t.Value is not null)
                .OrderBy(t => sign * t.Value!.Value).ThenBy(t => t.Number).FirstOrDefault();
        }
    }

    /// <summary>The number of <see cref="BestTrial"/>, or null; written to JSON for readers, ignored when reading.</summary>
    public int? BestTrialNumber => BestTrial?.Number;

    /// <summary>The parameters of <see cref="BestTrial"/>; throws <see cref="InvalidOperationException"/> when no trial completed.</summary>
    [JsonIgnore]
    public ParameterSet BestParameters => (BestTrial ?? throw new InvalidOperationException("No trial completed.")).Parameters;

    /// <summary>The number of trials in each state.</summary>
    public int CountOf(TrialState state) => Trials.Count(t => t.State == state);

    /// <summary>The study as indented snake_case JSON (enums as snake_case text, parameters as a name → value object).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a study written by <see cref="ToJson"/>.</summary>
    public static TuningResult FromJson(string json) =>
        JsonSerializer.Deserialize<TuningResult>(json, Json) ?? throw new JsonException("The JSON holds no tuning result.");

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
