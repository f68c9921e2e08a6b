namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable linear combination b + Σⱼ βⱼxⱼ.</summary>
public sealed class LinearCombinerModel : IRegressorModel
{
    private readonly double[] _coefficients;

    internal LinearCombinerModel(double[] coefficients, double intercept)
    {
        _coefficients = coefficients;
        Intercept = intercept;
    }

    /// <inheritdoc/>
    public int FeatureCount => _coefficients.Length;

    /// <summary>The coefficient βⱼ of every feature.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The intercept b (0 without an intercept).</summary>
    public double Intercept { get; }

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        var sum = Intercept;
        for (var j = 0; j < _coefficients.Length; j++)
        {
            sum += _coefficients[j] * row[j];
        }

        return sum;
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(predictions.Length, features.RowCount, nameof(predictions));
        for (var i = 0; i < features.RowCount; i++)
        {
            predictions[i] = Predict(features.Row(i));
        }
    }
}
