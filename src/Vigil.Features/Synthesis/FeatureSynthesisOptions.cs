namespace Vigil.Features.Synthesis;

/// <summary>Immutable options of <see cref="FeatureSynthesis"/>; <see cref="Validate"/> lists every problem, and the transform's constructor rejects invalid options.</summary>
public sealed record FeatureSynthesisOptions
{
    /// <summary>The operations proposed for numeric pairs and single columns; default product, ratio, difference and square.</summary>
    public IReadOnlyList<SynthesisOperation> Operations { get; init; } =
        [SynthesisOperation.Product, SynthesisOperation.Ratio, SynthesisOperation.Difference, SynthesisOperation.Square];

    /// <summary>The numeric columns to combine; null (default) means every Float64 column except the target, group, time and excluded columns.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns never combined (identifiers, leaky columns); default none.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The most features kept; default 5.</summary>
    public int MaxFeatures { get; init; } = 5;

    /// <summary>The smallest absolute out-of-fold score gain a feature must add to the features kept before it; default 0.002.</summary>
    public double MinGain { get; init; } = 0.002;

    /// <summary>The smallest share of the remaining out-of-fold headroom (1 − score; −score for negative log loss) a feature must remove; default 0.04.</summary>
    public double MinRelativeGain { get; init; } = 0.04;

    /// <summary>How many candidates, best by the residual screen, are confirmed by cross-validation; default 12.</summary>
    public int ScreenTop { get; init; } = 12;

    /// <summary>Cross-validation folds on the training rows (stratified for classification); default 3.</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Depth of the single-column regression tree that measures how much base-model residual each candidate explains; default 3 (≤ 8 bins).</summary>
    public int ScreenDepth { get; init; } = 3;

    /// <summary>The fewest training rows in a leaf of the screen's tree; default 20.</summary>
    public int ScreenMinLeaf { get; init; } = 20;

    /// <summary>Classification or regression; default <see cref="SynthesisTask.Auto"/>.</summary>
    public SynthesisTask Task { get; init; } = SynthesisTask.Auto;

    /// <summary>The out-of-fold score; default <see cref="SynthesisMetric.Auto"/>.</summary>
    public SynthesisMetric Metric { get; init; } = SynthesisMetric.Auto;

    /// <summary>Boosting rounds of the scoring model (a small histogram GBDT); default 100.</summary>
    public int ScoringRounds { get; init; } = 100;

    /// <summary>Tree depth of the scoring model; default 4.</summary>
    public int ScoringMaxDepth { get; init; } = 4;

    /// <summary>Learning rate of the scoring model; default 0.1.</summary>
    public double ScoringLearningRate { get; init; } = 0.1;

    /// <summary>A ratio is NaN where |denominator| is below this share of the denominator's mean |value| on the training rows; default 1e-6.</summary>
    public double RatioGuard { get; init; } = 1e-6;

    /// <summary>The most folds scored at once; default 1. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(Operations is { Count: > 0 }, "Operations must name at least one operation.");
        Check(Operations is null || Operations.All(Enum.IsDefined), "Operations holds an unknown operation.");
        Check(Exclude is not null, "Exclude must not be null (use an empty list).");
        Check(Columns is null || Columns.Count > 0, "Columns must be null (all numeric columns) or name at least one column.");
        Check(MaxFeatures >= 1, $"MaxFeatures must be at least 1 (got {MaxFeatures}).");
        Check(double.IsFinite(MinGain) && MinGain >= 0, $"MinGain must be a finite number ≥ 0 (got {MinGain}).");
        Check(MinRelativeGain is >= 0 and < 1, $"MinRelativeGain must be in [0, 1) (got {MinRelativeGain}).");
        Check(ScreenTop >= 1, $"ScreenTop must be at least 1 (got {ScreenTop}).");
        Check(Folds >= 2, $"Folds must be at least 2 (got {Folds}).");
        Check(ScreenDepth is >= 1 and <= 10, $"ScreenDepth must be in [1, 10] (got {ScreenDepth}).");
        Check(ScreenMinLeaf >= 1, $"ScreenMinLeaf must be at least 1 (got {ScreenMinLeaf}).");
        Check(Enum.IsDefined(Task), $"Unknown task {Task}.");
        Check(Enum.IsDefined(Metric), $"Unknown metric {Metric}.");
        Check(ScoringRounds >= 1, $"ScoringRounds must be at least 1 (got {ScoringRounds}).");
        Check(ScoringMaxDepth >= 1, $"ScoringMaxDepth must be at least 1 (got {ScoringMaxDepth}).");
        Check(ScoringLearningRate is > 0 and <= 1, $"ScoringLearningRate must be in (0, 1] (got {ScoringLearningRate}).");
        Check(double.IsFinite(RatioGuard) && RatioGuard >= 0, $"RatioGuard must be a finite number ≥ 0 (got {RatioGuard}).");
        Check(MaxDegreeOfParallelism >= 1, $"MaxDegreeOfParallelism must be at least 1 (got {MaxDegreeOfParallelism}).");
        return errors;
    }
}
