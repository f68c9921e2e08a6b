namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable, thread-safe weighted average of regressors (weights normalized to sum to 1).</summary>
public sealed class AveragingRegressorModel : IRegressorModel
{
    private readonly IRegressorModel[] _members;
    private readonly double[] _weights;

    internal AveragingRegressorModel(IRegressorModel[] members, double[] weights, int featureCount)
    {
        CodecIo.Check(members.Length > 0 && members.Length == weights.Length, "An averaging model needs one weight per member and at least one member.");
        foreach (var m in members)
        {
            EnsembleShape.CheckMember(m, featureCount);
        }

        _members = members;
        _weights = weights;
        FeatureCount = featureCount;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <summary>The members' normalized weights.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The number of members.</summary>
    public int MemberCount => _members.Length;

    /// <summary>Member <paramref name="index"/>'s model.</summary>
    public IRegressorModel Member(int index) => _members[index];

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        var sum = 0.0;
        for (var m = 0; m < _members.Length; m++)
        {
            sum += _weights[m] * _members[m].Predict(row);
        }

        return sum;
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var n = features.RowCount;
        ModelShape.CheckDestination(predictions.Length, n, nameof(predictions));
        var sum = predictions[..n];
        sum.Clear();
        var member = new double[n];
        for (var m = 0; m < _members.Length; m++)
        {
            _members[m].Predict(features, member);
            for (var i = 0; i < n; i++)
            {
                sum[i] += _weights[m] * member[i];
            }
        }
    }
}
