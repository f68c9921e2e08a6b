namespace Vigil.ML.Evaluation;

/// <summary>
/// Binary classification metrics at a decision threshold: a row is predicted positive (class 1) when
/// its positive-class probability is ≥ the threshold (default 0.5). Precision, recall and F1 refer to
/// the positive class and are 0 when their denominator is 0; ROC-AUC and PR-AUC are NaN when a class is absent.
/// </summary>
public sealed record ClassificationMetrics
{
    /// <summary>The decision threshold used.</summary>
    public required double Threshold { get; init; }

    /// <summary>The fraction of rows classified correctly.</summary>
    public required double Accuracy { get; init; }

    /// <summary>The positive class's precision, TP / (TP + FP).</summary>
    public required double Precision { get; init; }

    /// <summary>The positive class's recall, TP / (TP + FN).</summary>
    public required double Recall { get; init; }

    /// <summary>The positive class's F1.</summary>
    public required double F1 { get; init; }

    /// <summary>The mean of both classes' F1.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>The area under the ROC curve (Mann–Whitney, ties averaged).</summary>
    public required double RocAuc { get; init; }

    /// <summary>The area under the precision–recall curve as average precision.</summary>
    public required double PrAuc { get; init; }

    /// <summary>The 2×2 confusion matrix (index 1 = positive).</summary>
    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>The number of positive rows.</summary>
    public long PositiveSupport => Confusion.Support(1);

    /// <summary>The number of negative rows.</summary>
    public long NegativeSupport => Confusion.Support(0);

    /// <summary>Computes the metrics of <paramref name="positiveScores"/> against 0/1 <paramref name="labels"/>.</summary>
    public static ClassificationMetrics Binary(ReadOnlySpan<int> labels, ReadOnlySpan<double> positiveScores, double threshold = 0.5)
    {
        if (labels.Length != positiveScores.Length)
        {
            throw new ArgumentException($"There are {labels.Length} labels and {positiveScores.Length} scores.", nameof(positiveScores));
        }

        var predicted = new int[labels.Length];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = positiveScores[i] >= threshold ? 1 : 0;
        }

        var confusion = ConfusionMatrix.FromPredictions(labels, predicted, 2);
        return new ClassificationMetrics
        {
            Threshold = threshold,
            Accuracy = confusion.Accuracy,
            Precision = confusion.Precision(1),
            Recall = confusion.Recall(1),
            F1 = confusion.F1(1),
            MacroF1 = confusion.MacroF1,
            RocAuc = RankingMetrics.RocAuc(labels, positiveScores),
            PrAuc = RankingMetrics.AveragePrecision(labels, positiveScores),
            Confusion = confusion,
        };
    }

    /// <summary>The metrics by their snake_case names (accuracy, precision, recall, f1, f1_macro, roc_auc, pr_auc, support counts), e.g. for model metadata.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["accuracy"] = Accuracy,
        ["precision"] = Precision,
        ["recall"] = Recall,
        ["f1"] = F1,
        ["f1_macro"] = MacroF1,
        ["roc_auc"] = RocAuc,
        ["pr_auc"] = PrAuc,
        ["threshold"] = Threshold,
        ["support_positive"] = PositiveSupport,
        ["support_negative"] = NegativeSupport,
    };
}
