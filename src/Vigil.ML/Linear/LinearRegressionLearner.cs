namespace Vigil.ML.Linear;

/// <summary>Ordinary least squares (Legendre 1805, Gauss 1809) solved through the normal equations by Cholesky factorization, with a tiny jitter when XᵀX is singular.</summary>
public sealed class LinearRegressionLearner : IRegressorLearner
{
    /// <summary>Creates a learner.</summary>
    public LinearRegressionLearner(LinearRegressionOptions? options = null) => Options = options ?? new LinearRegressionOptions();

    /// <inheritdoc/>
    public string Name => "LinearRegression";

    /// <summary>The options.</summary>
    public LinearRegressionOptions Options { get; }

    object IRegressorLearner.Options => Options;

    /// <summary>Fits the least-squares line; throws <see cref="ArgumentException"/> naming the first NaN or infinite feature value.</summary>
    public LinearRegressionModel Fit(RegressionSet data, CancellationToken cancellationToken = default) =>
        LeastSquares.Fit(data, 0, Options.FitIntercept, Options.Standardize, Name);

    IRegressorModel IRegressorLearner.Fit(RegressionSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
