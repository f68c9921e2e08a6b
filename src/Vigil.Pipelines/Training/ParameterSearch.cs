using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training;

/// <summary>Runs a hyperparameter study for one model family over cross-validation folds of the training rows, with median pruning.</summary>
public static class ParameterSearch
{
    /// <summary>One fold's score of the parameters of a trial.</summary>
    public delegate double FoldScore(IReadOnlyDictionary<string, string> parameters, int fold, CancellationToken cancellationToken);

    /// <summary>Tunes the parameters in <paramref name="space"/> not fixed by the user; returns the merged best parameters and a summary.</summary>
    public static (IReadOnlyDictionary<string, string> Best, TuningSummary Summary) Run(
        SearchSpace space,
        IReadOnlyDictionary<string, string> fixedParameters,
        TuningRequest request,
        int seed,
        string metric,
        bool maximize,
        FoldScore score,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(fixedParameters);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(score);
        var free = new SearchSpace(space.Where(p => !fixedParameters.ContainsKey(p.Name)));
        if (free.Count == 0)
        {
            throw new ArgumentException("Every tunable parameter is fixed by --param; nothing is left to tune.");
        }

        ISampler sampler = request.Sampler switch
        {
            "grid" => new GridSampler(),
            "random" => new RandomSampler(),
            _ => new TpeSampler(),
        };
        var options = new TunerOptions
        {
            Direction = maximize ? TuningDirection.Maximize : TuningDirection.Minimize,
            MaxTrials = request.Trials,
            Sampler = sampler,
            Pruner = new MedianPruner(startupTrials: 5, warmupSteps: 1),
            Seed = seed,
            TimeProvider = time,
        };
        var result = Tuner.Run(
            free,
            (trial, ct) =>
            {
                var parameters = Merge(fixedParameters, trial.Parameters.ToTextDictionary());
                var sum = 0.0;
                for (var fold = 0; fold < request.Folds; fold++)
                {
                    sum += score(parameters, fold, ct);
                    trial.Report(fold, sum / (fold + 1));
                    trial.ThrowIfShouldPrune();
                }

                return sum / request.Folds;
            },
            options,
            cancellationToken);
        var best = result.BestTrial ?? throw new InvalidOperationException(
            $"No tuning trial completed; first error: {result.Trials.FirstOrDefault(t => t.Error is not null)?.Error ?? "none"}.");
        var bestParameters = Merge(fixedParameters, best.Parameters.ToTextDictionary());
        return (bestParameters, new TuningSummary(
            request.Sampler,
            metric,
            maximize,
            result.Trials.Count,
            result.CountOf(TrialState.Pruned),
            result.CountOf(TrialState.Failed),
            best.Value ?? double.NaN,
            best.Parameters.ToTextDictionary(),
            result.ToJson()));
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var merged = new Dictionary<string, string>(a, StringComparer.Ordinal);
        foreach (var (k, v) in b)
        {
            merged[k] = v;
        }

        return merged;
    }
}
