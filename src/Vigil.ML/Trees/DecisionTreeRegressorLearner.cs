namespace Vigil.ML.Trees;

/// <summary>
/// CART regression-tree learner (Breiman, Friedman, Olshen and Stone 1984, "Classification and
/// Regression Trees", ch. 8): greedy binary splits minimizing weighted squared or absolute error,
/// with missing values routed by a learned default direction per split.
/// </summary>
public sealed class DecisionTreeRegressorLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public DecisionTreeRegressorLearner(DecisionTreeRegressorOptions? options = null)
    {
        Options = options ?? new DecisionTreeRegressorOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid DecisionTreeRegressorOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "DecisionTreeRegressor";

    /// <summary>The validated options.</summary>
    public DecisionTreeRegressorOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits a tree; the same data and options always give the same tree.</summary>
    public DecisionTreeRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit a tree on an empty training set.", nameof(data));
        }

        var (tree, importances) = new RegressionTreeBuilder(data, Options).Build(cancellationToken);
        return new DecisionTreeRegressorModel(tree, data.FeatureCount, importances);
    }

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
