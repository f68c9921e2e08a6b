namespace Vigil.Pipelines.Training;

/// <summary>The outcome of hyperparameter tuning.</summary>
/// <param name="Sampler">grid, random or tpe.</param>
/// <param name="Metric">The cross-validated score optimized (e.g. roc_auc, rmse).</param>
/// <param name="Maximize">Whether higher is better.</param>
/// <param name="Trials">Trials run.</param>
/// <param name="Pruned">Trials stopped early by the median pruner.</param>
/// <param name="Failed">Trials that failed.</param>
/// <param name="BestValue">The best trial's mean cross-validated score.</param>
/// <param name="BestParameters">The best trial's parameters, as invariant text.</param>
/// <param name="HistoryJson">Every trial, as JSON.</param>
public sealed record TuningSummary(
    string Sampler,
    string Metric,
    bool Maximize,
    int Trials,
    int Pruned,
    int Failed,
    double BestValue,
    IReadOnlyDictionary<string, string> BestParameters,
    string HistoryJson);
