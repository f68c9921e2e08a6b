using System.Numerics.Tensors;

namespace Vigil.ML.Linear;

/// <summary>
/// A trained, immutable, thread-safe logistic regression over raw features: for two classes
/// P(second) = σ(w·x + b) with one coefficient row; for more, a softmax over one row per class.
/// Classes absent from training get probability 0.
/// </summary>
public sealed class LogisticRegressionModel : IClassifierModel
{
    private readonly int[] _classes;
    private readonly double[] _coefficients;
    private readonly double[] _intercepts;

    internal LogisticRegressionModel(int featureCount, int classCount, int[] classes, double[] coefficients, double[] intercepts, OptimizationResult fit)
    {
        var rows = classes.Length switch { < 2 => 0, 2 => 1, var m => m };
        if (classes.Length == 0 || classes.Any(c => (uint)c >= (uint)classCount) || coefficients.Length != rows * featureCount || intercepts.Length != rows)
        {
            throw new ArgumentException("Inconsistent logistic regression arrays.");
        }

        FeatureCount = featureCount;
        ClassCount = classCount;
        _classes = classes;
        _coefficients = coefficients;
        _intercepts = intercepts;
        Iterations = fit.Iterations;
        Converged = fit.Converged;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The classes that had training rows, ascending; the coefficient rows refer to these.</summary>
    public ReadOnlySpan<int> TrainedClasses => _classes;

    /// <summary>The number of coefficient rows: 1 for a binary model (for the second trained class), one per trained class for a multinomial one, 0 with a single class.</summary>
    public int CoefficientRows => _intercepts.Length;

    /// <summary>The coefficients in raw feature units, <see cref="CoefficientRows"/> × <see cref="FeatureCount"/> row-major.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The intercept of every coefficient row, in raw feature units.</summary>
    public ReadOnlySpan<double> Intercepts => _intercepts;

    /// <summary>The optimizer iterations used.</summary>
    public int Iterations { get; }

    /// <summary>Whether the optimizer reached its tolerance within its iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>The raw linear score w·x + b of every coefficient row (the log-odds of the second class for a binary model).</summary>
    public void DecisionFunction(ReadOnlySpan<double> row, Span<double> scores)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(scores.Length, CoefficientRows, nameof(scores));
        Scores(row, scores);
    }

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        Predict(row, probabilities);
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, features.RowCount * ClassCount, nameof(probabilities));
        var values = features.Values;
        var (d, k) = (FeatureCount, ClassCount);
        for (var i = 0; i < features.RowCount; i++)
        {
            Predict(values.Slice(i * d, d), probabilities.Slice(i * k, k));
        }
    }

    private void Scores(ReadOnlySpan<double> row, Span<double> scores)
    {
        for (var k = 0; k < _intercepts.Length; k++)
        {
            scores[k] = _intercepts[k] + TensorPrimitives.Dot(new ReadOnlySpan<double>(_coefficients, k * FeatureCount, FeatureCount), row);
        }
    }

    private void Predict(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        probabilities[..ClassCount].Clear();
        switch (_classes.Length)
        {
            case 1:
                probabilities[_classes[0]] = 1;
                return;
            case 2:
                var p = LogisticObjective.Sigmoid(_intercepts[0] + TensorPrimitives.Dot(_coefficients, row));
                probabilities[_classes[0]] = 1 - p;
                probabilities[_classes[1]] = p;
                return;
            default:
                var m = _classes.Length;
                Span<double> z = m <= 128 ? stackalloc double[m] : new double[m];
                Scores(row, z);
                LogisticObjective.Softmax(z);
                for (var c = 0; c < m; c++)
                {
                    probabilities[_classes[c]] = z[c];
                }

                return;
        }
    }
}
