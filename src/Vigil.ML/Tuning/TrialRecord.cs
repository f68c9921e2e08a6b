using System.Text.Json.Serialization;

namespace Vigil.ML.Tuning;

/// <summary>One finished trial of a study: parameters, state, value, intermediate values, times and error.</summary>
public sealed record TrialRecord
{
    /// <summary>The trial's number, 0-based, in the order trials were sampled.</summary>
    public required int Number { get; init; }

    /// <summary>The seed handed to the objective (<see cref="Trial.Seed"/>).</summary>
    public required int Seed { get; init; }

    /// <summary>How the trial ended.</summary>
    public required TrialState State { get; init; }

    /// <summary>The sampled parameters.</summary>
    public required ParameterSet Parameters { get; init; }

    /// <summary>The objective's value when complete, the last intermediate value when pruned, otherwise null.</summary>
    public double? Value { get; init; }

    /// <summary>The values reported with <see cref="Trial.Report"/>, by increasing step.</summary>
    public IReadOnlyList<IntermediateValue> IntermediateValues { get; init; } = [];

    /// <summary>When the objective started, from the study's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the objective ended, from the study's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The failure as "ExceptionType: message" for failed trials, otherwise null.</summary>
    public string? Error { get; init; }

    /// <summary>How long the objective ran.</summary>
    [JsonIgnore]
    public TimeSpan Duration => EndedAt - StartedAt;

    /// <summary>The intermediate value reported at <paramref name="step"/>, or null.</summary>
    public double? IntermediateValueAt(int step)
    {
        var values = IntermediateValues;
        int lo = 0, hi = values.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = values[mid].Step;
            if (s == step)
            {
                return values[mid].Value;
            }

            (lo, hi) = s < step ? (mid + 1, hi) : (lo, mid - 1);
        }

        return null;
    }
}
