namespace Vigil.ML.Evaluation;

/// <summary>
/// K-class metrics from a K×K confusion matrix: accuracy, per-class precision/recall/F1, and their macro
/// (unweighted) and weighted (by support) averages — scikit-learn's <c>classification_report</c> with
/// <c>zero_division=0</c>.
/// </summary>
public sealed record MulticlassMetrics
{
    /// <summary>The K×K confusion matrix (rows actual, columns predicted).</summary>
    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>The fraction of rows classified correctly.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Every class's scores, in class order.</summary>
    public required IReadOnlyList<ClassScores> PerClass { get; init; }

    /// <summary>The unweighted mean of the per-class precisions.</summary>
    public required double MacroPrecision { get; init; }

    /// <summary>The unweighted mean of the per-class recalls.</summary>
    public required double MacroRecall { get; init; }

    /// <summary>The unweighted mean of the per-class F1 scores.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>The support-weighted mean of the per-class precisions.</summary>
    public required double WeightedPrecision { get; init; }

    /// <summary>The support-weighted mean of the per-class recalls.</summary>
    public required double WeightedRecall { get; init; }

    /// <summary>The support-weighted mean of the per-class F1 scores.</summary>
    public required double WeightedF1 { get; init; }

    /// <summary>Metrics of predicted classes against actual classes, both in [0, <paramref name="classCount"/>).</summary>
    public static MulticlassMetrics FromPredictions(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount) =>
        FromConfusion(ConfusionMatrix.FromPredictions(actual, predicted, classCount));

    /// <summary>Metrics of the most probable class (lowest index on ties) of row-major <paramref name="probabilities"/>.</summary>
    public static MulticlassMetrics FromProbabilities(ReadOnlySpan<int> actual, ReadOnlySpan<double> probabilities, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (probabilities.Length != actual.Length * classCount)
        {
            throw new ArgumentException($"{actual.Length} rows need {actual.Length * classCount} probabilities, not {probabilities.Length}.", nameof(probabilities));
        }

        var predicted = new int[actual.Length];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = ArgMax(probabilities.Slice(i * classCount, classCount));
        }

        return FromPredictions(actual, predicted, classCount);
    }

    /// <summary>Metrics derived from an existing confusion matrix.</summary>
    public static MulticlassMetrics FromConfusion(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.ClassCount;
        var scores = new ClassScores[k];
        for (var c = 0; c < k; c++)
        {
            scores[c] = new ClassScores(confusion.Precision(c), confusion.Recall(c), confusion.F1(c), confusion.Support(c));
        }

        var total = (double)confusion.Total;
        double Weighted(Func<ClassScores, double> pick) => total == 0 ? 0 : scores.Sum(s => pick(s) * s.Support) / total;
        return new MulticlassMetrics
        {
            Confusion = confusion,
            Accuracy = confusion.Accuracy,
            PerClass = scores,
            MacroPrecision = scores.Average(s => s.Precision),
            MacroRecall = scores.Average(s => s.Recall),
            MacroF1 = scores.Average(s => s.F1),
            WeightedPrecision = Weighted(s => s.Precision),
            WeightedRecall = Weighted(s => s.Recall),
            WeightedF1 = Weighted(s => s.F1),
        };
    }

    /// <summary>The index of the largest value, the lowest index on ties.</summary>
    internal static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var c = 1; c < values.Length; c++)
        {
            if (values[c] > values[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The metrics under snake_case names (accuracy, precision/recall/f1 macro and weighted).</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["accuracy"] = Accuracy,
        ["precision_macro"] = MacroPrecision,
        ["recall_macro"] = MacroRecall,
        ["f1_macro"] = MacroF1,
        ["precision_weighted"] = WeightedPrecision,
        ["recall_weighted"] = WeightedRecall,
        ["f1_weighted"] = WeightedF1,
    };
}
