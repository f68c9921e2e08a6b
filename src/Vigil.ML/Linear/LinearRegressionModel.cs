using System.Numerics.Tensors;

namespace Vigil.ML.Linear;

/// <summary>A trained, immutable, thread-safe linear regressor ŷ = w·x + b over raw features (from OLS or ridge).</summary>
public sealed class LinearRegressionModel : IRegressorModel
{
    private readonly double[] _coefficients;
    private readonly double[] _standardizedCoefficients;

    internal LinearRegressionModel(double[] coefficients, double intercept, double[] standardizedCoefficients)
    {
        if (standardizedCoefficients.Length != coefficients.Length)
        {
            throw new ArgumentException("Inconsistent linear regression arrays.");
        }

        _coefficients = coefficients;
        _standardizedCoefficients = standardizedCoefficients;
        Intercept = intercept;
    }

    /// <inheritdoc/>
    public int FeatureCount => _coefficients.Length;

    /// <summary>The coefficient of every feature in raw units.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The coefficients on the standardized features the model was solved on (equal to <see cref="Coefficients"/> without standardization).</summary>
    public ReadOnlySpan<double> StandardizedCoefficients => _standardizedCoefficients;

    /// <summary>The intercept in raw units.</summary>
    public double Intercept { get; }

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        return Intercept + TensorPrimitives.Dot(_coefficients, row);
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(predictions.Length, features.RowCount, nameof(predictions));
        var values = features.Values;
        var d = FeatureCount;
        for (var i = 0; i < features.RowCount; i++)
        {
            predictions[i] = Intercept + TensorPrimitives.Dot(_coefficients, values.Slice(i * d, d));
        }
    }
}
