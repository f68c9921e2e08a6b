using System.Numerics.Tensors;

namespace Vigil.ML.Svm;

/// <summary>
/// A trained, immutable, thread-safe linear SVM over raw features: f(x) = w·x + b per decision function (one for two
/// classes, favouring the second; one per class, one-vs-rest, otherwise) and a Platt sigmoid per function.
/// </summary>
public sealed class LinearSvmModel : IClassifierModel
{
    private readonly int[] _classes;
    private readonly double[] _coefficients;
    private readonly double[] _intercepts;
    private readonly double[] _plattA;
    private readonly double[] _plattB;

    internal LinearSvmModel(int featureCount, int classCount, int[] classes, double[] coefficients, double[] intercepts, double[] plattA, double[] plattB)
    {
        var rows = classes.Length switch { < 2 => 0, 2 => 1, var m => m };
        if (classes.Length == 0 || classes.Any(c => (uint)c >= (uint)classCount) || coefficients.Length != rows * featureCount
            || intercepts.Length != rows || plattA.Length != rows || plattB.Length != rows)
        {
            throw new ArgumentException("Inconsistent linear SVM arrays.");
        }

        (FeatureCount, ClassCount, _classes, _coefficients, _intercepts, _plattA, _plattB) =
            (featureCount, classCount, classes, coefficients, intercepts, plattA, plattB);
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The classes that had training rows, ascending.</summary>
    public ReadOnlySpan<int> TrainedClasses => _classes;

    /// <summary>The number of decision functions: 1 for two classes, one per trained class otherwise, 0 with one class.</summary>
    public int DecisionCount => _intercepts.Length;

    /// <summary>The weights in raw feature units, <see cref="DecisionCount"/> × <see cref="FeatureCount"/> row-major.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The bias of every decision function in raw feature units.</summary>
    public ReadOnlySpan<double> Intercepts => _intercepts;

    /// <summary>The Platt slope A of every decision function (P = 1 / (1 + e^{A·f + B})).</summary>
    public ReadOnlySpan<double> PlattA => _plattA;

    /// <summary>The Platt offset B of every decision function.</summary>
    public ReadOnlySpan<double> PlattB => _plattB;

    /// <summary>Writes every decision value w·x + b.</summary>
    public void DecisionFunction(ReadOnlySpan<double> row, Span<double> decisions)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(decisions.Length, DecisionCount, nameof(decisions));
        for (var k = 0; k < DecisionCount; k++)
        {
            decisions[k] = Decide(k, row);
        }
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
        for (var i = 0; i < features.RowCount; i++)
        {
            Predict(features.Row(i), probabilities.Slice(i * ClassCount, ClassCount));
        }
    }

    private double Decide(int k, ReadOnlySpan<double> row) =>
        _intercepts[k] + TensorPrimitives.Dot(new ReadOnlySpan<double>(_coefficients, k * FeatureCount, FeatureCount), row);

    private void Predict(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        probabilities[..ClassCount].Clear();
        if (_classes.Length == 1)
        {
            probabilities[_classes[0]] = 1;
            return;
        }

        if (_classes.Length == 2)
        {
            var p = PlattScaling.Probability(Decide(0, row), _plattA[0], _plattB[0]);
            probabilities[_classes[0]] = 1 - p;
            probabilities[_classes[1]] = p;
            return;
        }

        var sum = 0.0;
        for (var k = 0; k < _classes.Length; k++)
        {
            var p = PlattScaling.Probability(Decide(k, row), _plattA[k], _plattB[k]);
            probabilities[_classes[k]] = p;
            sum += p;
        }

        for (var k = 0; k < _classes.Length; k++)
        {
            probabilities[_classes[k]] = sum > 0 ? probabilities[_classes[k]] / sum : 1.0 / _classes.Length;
        }
    }
}
