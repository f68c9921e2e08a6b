namespace Vigil.ML.Boosting;

/// <summary>
/// Options shared by the histogram gradient-boosting classifier and regressor. Defaults follow XGBoost 1.7
/// (Chen and Guestrin 2016): learning rate 0.3, depth 6, λ = 1, min child weight 1, 100 rounds, 256 bins.
/// </summary>
/// <remarks>
/// The learning rate defaults to XGBoost's 0.3 rather than scikit-learn's 0.1 so that results sit beside the
/// XGBoost peer; with many rounds a smaller rate plus early stopping usually generalizes slightly better.
/// </remarks>
public abstract record HistGradientBoostingOptions
{
    /// <summary>Boosting rounds (trees per class); default 100 (XGBoost's n_estimators).</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>Shrinkage η applied to every leaf weight; default 0.3 (XGBoost's eta).</summary>
    public double LearningRate { get; init; } = 0.3;

    /// <summary>Depth-wise (default, XGBoost) or leaf-wise (LightGBM) growth.</summary>
    public TreeGrowth Growth { get; init; } = TreeGrowth.DepthWise;

    /// <summary>The deepest a leaf may be (root = depth 0); default 6; null means unlimited (leaf-wise growth only).</summary>
    public int? MaxDepth { get; init; } = 6;

    /// <summary>The most leaves a leaf-wise tree may have; default 31 (LightGBM's num_leaves); ignored by depth-wise growth.</summary>
    public int MaxLeaves { get; init; } = 31;

    /// <summary>L2 penalty λ on leaf weights; default 1.</summary>
    public double L2Regularization { get; init; } = 1.0;

    /// <summary>The smallest hessian sum each child must keep; default 1 (XGBoost's min_child_weight).</summary>
    public double MinChildWeight { get; init; } = 1.0;

    /// <summary>The fewest training rows each child must keep; default 1.</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>The loss reduction G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) a split must exceed; default 0 (XGBoost's gamma).</summary>
    public double MinSplitGain { get; init; }

    /// <summary>The fraction of rows drawn (without replacement, per round) to grow each tree; default 1.</summary>
    public double Subsample { get; init; } = 1.0;

    /// <summary>The fraction of features drawn per tree; default 1 (XGBoost's colsample_bytree).</summary>
    public double ColumnSampleByTree { get; init; } = 1.0;

    /// <summary>The most value bins per feature, at most 255 (missing values get one more bin of their own); default 255.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Stop after this many rounds without a better validation loss and keep the best round; default null (no early stopping).</summary>
    public int? EarlyStoppingRounds { get; init; }

    /// <summary>The share of training rows held out (stratified for classifiers) for early stopping when no validation set is given; default 0.1.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>
    /// The starting raw score of every output (log-odds for binary, the prediction for regression); default null starts
    /// from the prior: the log-odds of the weighted positive rate, centred log class priors, or the weighted mean (median
    /// for Huber). XGBoost 1.7 starts at 0 log-odds (base_score 0.5), XGBoost 2 and LightGBM from the prior.
    /// </summary>
    public double? BaseScore { get; init; }

    /// <summary>The seed of row and column sampling and of the validation hold-out; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most threads used to build histograms and predict batches; default null (all cores); 1 is sequential. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, Rounds >= 1, $"Rounds must be at least 1, not {Rounds}.");
        Check(errors, LearningRate is > 0 and <= 1, $"LearningRate must lie in (0, 1], not {LearningRate}.");
        Check(errors, Enum.IsDefined(Growth), $"Growth {Growth} is not defined.");
        Check(errors, MaxDepth is null or >= 1, $"MaxDepth must be null or at least 1, not {MaxDepth}.");
        Check(errors, MaxDepth is not null || Growth == TreeGrowth.LeafWise, "MaxDepth may be null only with leaf-wise growth.");
        Check(errors, MaxLeaves >= 2, $"MaxLeaves must be at least 2, not {MaxLeaves}.");
        Check(errors, double.IsFinite(L2Regularization) && L2Regularization >= 0, $"L2Regularization must be finite and non-negative, not {L2Regularization}.");
        Check(errors, double.IsFinite(MinChildWeight) && MinChildWeight >= 0, $"MinChildWeight must be finite and non-negative, not {MinChildWeight}.");
        Check(errors, MinSamplesLeaf >= 1, $"MinSamplesLeaf must be at least 1, not {MinSamplesLeaf}.");
        Check(errors, double.IsFinite(MinSplitGain) && MinSplitGain >= 0, $"MinSplitGain must be finite and non-negative, not {MinSplitGain}.");
        Check(errors, Subsample is > 0 and <= 1, $"Subsample must lie in (0, 1], not {Subsample}.");
        Check(errors, ColumnSampleByTree is > 0 and <= 1, $"ColumnSampleByTree must lie in (0, 1], not {ColumnSampleByTree}.");
        Check(errors, MaxBins is >= 2 and <= 255, $"MaxBins must lie in [2, 255], not {MaxBins}.");
        Check(errors, EarlyStoppingRounds is null or >= 1, $"EarlyStoppingRounds must be null or at least 1, not {EarlyStoppingRounds}.");
        Check(errors, ValidationFraction is > 0 and < 1, $"ValidationFraction must lie strictly between 0 and 1, not {ValidationFraction}.");
        Check(errors, BaseScore is null || double.IsFinite(BaseScore.Value), $"BaseScore must be null or finite, not {BaseScore}.");
        Check(errors, MaxDegreeOfParallelism is null or >= 1, $"MaxDegreeOfParallelism must be null or at least 1, not {MaxDegreeOfParallelism}.");
        return errors;
    }

    /// <summary>Adds <paramref name="message"/> to <paramref name="errors"/> unless <paramref name="ok"/>.</summary>
    protected static void Check(List<string> errors, bool ok, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
