namespace Vigil.ML.Trees;

/// <summary>
/// CART classification-tree learner (Breiman, Friedman, Olshen and Stone 1984, "Classification and
/// Regression Trees", Wadsworth): greedy binary splits minimizing Gini or entropy impurity, with
/// missing values routed by a learned default direction per split.
/// </summary>
public sealed class DecisionTreeLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public DecisionTreeLearner(DecisionTreeOptions? options = null)
    {
        Options = options ?? new DecisionTreeOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid DecisionTreeOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "DecisionTree";

    /// <summary>The validated options.</summary>
    public DecisionTreeOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits a tree; the same data and options always give the same tree.</summary>
    public DecisionTreeModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit a tree on an empty training set.", nameof(data));
        }

        if (data.FeatureCount == 0)
        {
            throw new ArgumentException("A decision tree needs at least one feature column; the training set has none.", nameof(data));
        }

        var (tree, importances) = new ClassificationTreeBuilder(data, Options).Build(cancellationToken);
        return new DecisionTreeModel(tree, data.FeatureCount, importances);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
