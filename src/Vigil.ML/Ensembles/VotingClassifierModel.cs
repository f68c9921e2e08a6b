using Vigil.ML.Evaluation;

namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable, thread-safe voting ensemble (weights normalized to sum to 1).</summary>
public sealed class VotingClassifierModel : IClassifierModel
{
    private readonly IClassifierModel[] _members;
    private readonly double[] _weights;

    internal VotingClassifierModel(IClassifierModel[] members, double[] weights, VotingKind voting, int featureCount, int classCount)
    {
        CodecIo.Check(members.Length > 0 && members.Length == weights.Length, "A voting model needs one weight per member and at least one member.");
        CodecIo.Check(Enum.IsDefined(voting), $"Unknown voting kind {voting}.");
        foreach (var m in members)
        {
            EnsembleShape.CheckMember(m, featureCount, classCount);
        }

        _members = members;
        _weights = weights;
        Voting = voting;
        FeatureCount = featureCount;
        ClassCount = classCount;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>Soft or hard voting.</summary>
    public VotingKind Voting { get; }

    /// <summary>The members' normalized weights.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The number of members.</summary>
    public int MemberCount => _members.Length;

    /// <summary>Member <paramref name="index"/>'s model.</summary>
    public IClassifierModel Member(int index) => _members[index];

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        var k = ClassCount;
        var sum = probabilities[..k];
        sum.Clear();
        using var member = new RowBuffer(k);
        for (var m = 0; m < _members.Length; m++)
        {
            _members[m].PredictProba(row, member.Span);
            Add(member.Span, sum, _weights[m]);
        }
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var k = ClassCount;
        var total = features.RowCount * k;
        ModelShape.CheckDestination(probabilities.Length, total, nameof(probabilities));
        var sum = probabilities[..total];
        sum.Clear();
        var member = new double[total];
        for (var m = 0; m < _members.Length; m++)
        {
            _members[m].PredictProba(features, member);
            for (var i = 0; i < features.RowCount; i++)
            {
                Add(member.AsSpan(i * k, k), sum.Slice(i * k, k), _weights[m]);
            }
        }
    }

    private void Add(ReadOnlySpan<double> member, Span<double> sum, double weight)
    {
        if (Voting == VotingKind.Hard)
        {
            sum[MulticlassMetrics.ArgMax(member)] += weight;
            return;
        }

        for (var c = 0; c < sum.Length; c++)
        {
            sum[c] += weight * member[c];
        }
    }
}
