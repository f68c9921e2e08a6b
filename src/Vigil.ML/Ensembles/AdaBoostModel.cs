using Vigil.ML.Evaluation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// A trained, immutable, thread-safe SAMME ensemble. With votes vₖ = Σₘ αₘ·1[hₘ(x) = k] / Σₘ αₘ, the class
/// probabilities are softmax(v / (K − 1)), as scikit-learn's SAMME <c>predict_proba</c>; the most probable class is
/// the weighted-vote winner.
/// </summary>
public sealed class AdaBoostModel : IClassifierModel
{
    private readonly IClassifierModel[] _members;
    private readonly double[] _weights;
    private readonly double[] _errors;
    private readonly double _weightSum;

    internal AdaBoostModel(IClassifierModel[] members, double[] weights, double[] errors, int featureCount, int classCount, int constantClass = -1)
    {
        CodecIo.Check(members.Length == weights.Length && members.Length == errors.Length, "AdaBoost needs one weight and one error per member.");
        CodecIo.Check(constantClass < classCount && (constantClass >= 0 ? members.Length == 0 : members.Length > 0), "An AdaBoost model has members or a constant class.");
        CodecIo.Check(weights.All(w => w > 0 && double.IsFinite(w)), "AdaBoost member weights must be positive and finite.");
        foreach (var m in members)
        {
            EnsembleShape.CheckMember(m, featureCount, classCount);
        }

        _members = members;
        _weights = weights;
        _errors = errors;
        _weightSum = weights.Sum();
        FeatureCount = featureCount;
        ClassCount = classCount;
        ConstantClass = constantClass;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The number of boosted members (0 for a constant model).</summary>
    public int MemberCount => _members.Length;

    /// <summary>Every member's weight αₘ, in boosting order.</summary>
    public ReadOnlySpan<double> EstimatorWeights => _weights;

    /// <summary>Every member's weighted training error, in boosting order.</summary>
    public ReadOnlySpan<double> EstimatorErrors => _errors;

    /// <summary>The class always predicted when the training data held one class; −1 otherwise.</summary>
    public int ConstantClass { get; }

    internal ReadOnlySpan<IClassifierModel> Members => _members;

    internal static AdaBoostModel Constant(int classIndex, int featureCount, int classCount) => new([], [], [], featureCount, classCount, classIndex);

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        var k = ClassCount;
        var votes = probabilities[..k];
        votes.Clear();
        if (ConstantClass >= 0)
        {
            votes[ConstantClass] = 1;
            return;
        }

        using var member = new RowBuffer(k);
        for (var m = 0; m < _members.Length; m++)
        {
            _members[m].PredictProba(row, member.Span);
            votes[MulticlassMetrics.ArgMax(member.Span)] += _weights[m];
        }

        Softmax(votes);
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var k = ClassCount;
        var total = features.RowCount * k;
        ModelShape.CheckDestination(probabilities.Length, total, nameof(probabilities));
        var votes = probabilities[..total];
        votes.Clear();
        if (ConstantClass >= 0)
        {
            for (var i = 0; i < features.RowCount; i++)
            {
                votes[(i * k) + ConstantClass] = 1;
            }

            return;
        }

        var member = new double[total];
        for (var m = 0; m < _members.Length; m++)
        {
            _members[m].PredictProba(features, member);
            for (var i = 0; i < features.RowCount; i++)
            {
                votes[(i * k) + MulticlassMetrics.ArgMax(member.AsSpan(i * k, k))] += _weights[m];
            }
        }

        for (var i = 0; i < features.RowCount; i++)
        {
            Softmax(votes.Slice(i * k, k));
        }
    }

    private void Softmax(Span<double> votes)
    {
        var scale = _weightSum * Math.Max(1, votes.Length - 1);
        var max = double.NegativeInfinity;
        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] /= scale;
            max = Math.Max(max, votes[c]);
        }

        var sum = 0.0;
        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] = Math.Exp(votes[c] - max);
            sum += votes[c];
        }

        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] /= sum;
        }
    }
}
