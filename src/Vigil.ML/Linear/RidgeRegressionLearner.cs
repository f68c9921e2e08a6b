namespace Vigil.ML.Linear;

/// <summary>Ridge regression (Hoerl and Kennard 1970, "Ridge regression: biased estimation for nonorthogonal problems", Technometrics 12): the closed form (XᵀVX + αI)⁻¹XᵀVy on centered data, intercept unpenalized.</summary>
public sealed class RidgeRegressionLearner : IRegressorLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public RidgeRegressionLearner(RidgeRegressionOptions? options = null)
    {
        Options = options ?? new RidgeRegressionOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RidgeRegressionOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "RidgeRegression";

    /// <summary>The validated options.</summary>
    public RidgeRegressionOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits the ridge solution; throws <see cref="ArgumentException"/> naming the first NaN or infinite feature value.</summary>
    public LinearRegressionModel Fit(RegressionSet data, CancellationToken cancellationToken = default) =>
        LeastSquares.Fit(data, Options.Alpha, Options.FitIntercept, Options.Standardize, Name);

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
