namespace Vigil.ML.Inspection;

/// <summary>One feature's permutation importance: the score drop when its column is shuffled.</summary>
/// <param name="Index">The feature's column.</param>
/// <param name="Name">The feature's name.</param>
/// <param name="Mean">The mean score drop over the repeats.</param>
/// <param name="StdDev">The population standard deviation of the drops (as scikit-learn reports).</param>
/// <param name="Drops">The score drop of every repeat.</param>
public sealed record FeatureImportance(int Index, string Name, double Mean, double StdDev, IReadOnlyList<double> Drops);

/// <summary>The unshuffled score and every feature's importance, in column order.</summary>
/// <param name="BaselineScore">The model's score on the unshuffled data.</param>
/// <param name="ScoreName">The score used ("roc_auc", "accuracy" or "r2").</param>
/// <param name="Features">One entry per feature, in column order.</param>
public sealed record PermutationImportanceResult(double BaselineScore, string ScoreName, IReadOnlyList<FeatureImportance> Features)
{
    /// <summary>The features from most to least important (ties keep column order).</summary>
    public IReadOnlyList<FeatureImportance> Ranked() => [.. Features.OrderByDescending(f => f.Mean)];
}
