using Vigil.ML.Preprocessing;

namespace Vigil.ML.Linear;

/// <summary>
/// L2-penalized logistic regression (Cox 1958; multinomial softmax for more than two classes), fitted by
/// L-BFGS (Liu and Nocedal 1989) or Newton/IRLS on standardized features, minimizing C·Σ vᵢ·loss + ½‖w‖²
/// with the intercept unpenalized, as scikit-learn's LogisticRegression. Classes without training rows get
/// probability 0.
/// </summary>
public sealed class LogisticRegressionLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public LogisticRegressionLearner(LogisticRegressionOptions? options = null)
    {
        Options = options ?? new LogisticRegressionOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid LogisticRegressionOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "LogisticRegression";

    /// <summary>The validated options.</summary>
    public LogisticRegressionOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits the model; throws <see cref="ArgumentException"/> naming the first NaN or infinite feature value.</summary>
    public LogisticRegressionModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit a logistic regression on an empty training set.", nameof(data));
        }

        FeatureGuard.RequireFinite(data.Features, data.FeatureNames, Name, nameof(data));
        var weights = TrainingWeights.Compute(data, Options.ClassWeighting);
        var present = TrainingWeights.PresentClasses(data.Labels, weights, data.ClassCount);
        var d = data.FeatureCount;
        if (present.Length < 2)
        {
            return new LogisticRegressionModel(d, data.ClassCount, present, [], [], new OptimizationResult(0, true, 0));
        }

        var standardizer = Options.Standardize ? Standardizer.Fit(data.Features, weights) : Standardizer.Identity(d);
        var x = standardizer.Transform(data.Features).Values.ToArray();
        var labels = TrainingWeights.Compact(data.Labels, present, data.ClassCount);
        var objective = new LogisticObjective(x, data.RowCount, d, labels, weights, present.Length, Options.C, Options.FitIntercept);
        var theta = new double[objective.Dimension];
        var result = Options.Solver == LogisticSolver.Newton
            ? NewtonSolver.Minimize(objective, theta, Options.Tolerance, Options.MaxIterations, cancellationToken)
            : Lbfgs.Minimize(objective, theta, Options.Tolerance, Options.MaxIterations, cancellationToken);

        var (coefficients, intercepts) = RawUnits.FromStandardized(theta, objective.OutputRows, d, standardizer);
        return new LogisticRegressionModel(d, data.ClassCount, present, coefficients, intercepts, result);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
