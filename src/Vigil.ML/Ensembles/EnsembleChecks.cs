using Vigil.ML.Validation;

namespace Vigil.ML.Ensembles;

/// <summary>Validation helpers shared by the ensemble options.</summary>
internal static class EnsembleChecks
{
    public static void Throw(string optionsName, List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {optionsName}: " + string.Join(" ", errors), "options");
        }
    }

    public static void Parallelism(int maxDegreeOfParallelism, List<string> errors)
    {
        if (ParallelWork.Check(maxDegreeOfParallelism) is { } error)
        {
            errors.Add(error);
        }
    }

    public static void Members<TLearner>(IReadOnlyList<TLearner>? learners, string name, List<string> errors)
        where TLearner : class
    {
        if (learners is null || learners.Count == 0)
        {
            errors.Add($"{name} must hold at least one learner.");
        }
        else if (learners.Any(l => l is null))
        {
            errors.Add($"{name} must not contain null.");
        }
    }

    public static void Weights(IReadOnlyList<double>? weights, int memberCount, List<string> errors)
    {
        if (weights is null)
        {
            return;
        }

        if (weights.Count != memberCount)
        {
            errors.Add($"Weights has {weights.Count} entries for {memberCount} learners.");
        }

        if (weights.Any(w => !double.IsFinite(w) || w < 0) || !(weights.Sum() > 0))
        {
            errors.Add("Weights must be finite, non-negative and not all zero.");
        }
    }

    /// <summary>The weights normalized to sum to 1 (equal when none are given).</summary>
    public static double[] Normalized(IReadOnlyList<double>? weights, int memberCount)
    {
        if (weights is null)
        {
            return [.. Enumerable.Repeat(1.0 / memberCount, memberCount)];
        }

        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
