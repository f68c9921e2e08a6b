namespace Vigil.ML.Boosting;

/// <summary>A trained, immutable, thread-safe boosted-tree classifier: sigmoid (binary) or softmax of the summed tree scores.</summary>
public sealed class HistGradientBoostingClassifierModel : IClassifierModel
{
    private readonly int _degree;

    internal HistGradientBoostingClassifierModel(BoostedEnsemble ensemble, int classCount, int degreeOfParallelism)
    {
        var outputs = classCount <= 2 ? 1 : classCount;
        if (ensemble.Outputs != outputs)
        {
            throw new ArgumentException($"{classCount} classes need {outputs} outputs per round, not {ensemble.Outputs}.", nameof(ensemble));
        }

        Ensemble = ensemble;
        ClassCount = classCount;
        _degree = Math.Max(1, degreeOfParallelism);
    }

    /// <inheritdoc/>
    public int FeatureCount => Ensemble.FeatureCount;

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The boosting rounds kept (the best round's count after early stopping).</summary>
    public int Rounds => Ensemble.Rounds;

    /// <summary>The number of trees: rounds, times the class count for three or more classes.</summary>
    public int TreeCount => Ensemble.TreeCount;

    /// <summary>Each feature's total split gain, normalized to sum to 1 (all zero without splits).</summary>
    public ReadOnlySpan<double> FeatureImportances => Ensemble.Importances;

    /// <summary>The validation log-loss after every round trained (empty without a validation set).</summary>
    public ReadOnlySpan<double> ValidationLoss => Ensemble.ValidationLosses;

    internal BoostedEnsemble Ensemble { get; }

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        if (ClassCount == 1)
        {
            probabilities[0] = 1;
        }
        else if (ClassCount == 2)
        {
            Span<double> score = stackalloc double[1];
            Ensemble.Raw(row, score);
            Binary(score[0], probabilities);
        }
        else
        {
            var p = probabilities[..ClassCount];
            Ensemble.Raw(row, p);
            Softmax(p);
        }
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var k = ClassCount;
        ModelShape.CheckDestination(probabilities.Length, features.RowCount * k, nameof(probabilities));
        if (k == 1)
        {
            probabilities[..features.RowCount].Fill(1);
            return;
        }

        // Binary: the raw score goes to the class-1 slot, then both slots are filled from it.
        Ensemble.RawBatch(features, probabilities, k, k == 2 ? 1 : 0, _degree);
        for (var r = 0; r < features.RowCount; r++)
        {
            var p = probabilities.Slice(r * k, k);
            if (k == 2)
            {
                Binary(p[1], p);
            }
            else
            {
                Softmax(p);
            }
        }
    }

    private static void Binary(double score, Span<double> p)
    {
        var p1 = 1 / (1 + Math.Exp(-score));
        p[1] = p1;
        p[0] = 1 - p1;
    }

    private static void Softmax(Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var v in p)
        {
            max = Math.Max(max, v);
        }

        double z = 0;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = Math.Exp(p[i] - max);
            z += p[i];
        }

        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= z;
        }
    }
}
