namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable, thread-safe bagged regressor: the mean of its members' predictions.</summary>
public sealed class BaggingRegressorModel : IRegressorModel
{
    private readonly BaggingMember<IRegressorModel>[] _members;

    internal BaggingRegressorModel(BaggingMember<IRegressorModel>[] members, int featureCount)
    {
        foreach (var m in members)
        {
            EnsembleShape.CheckMember(m.Model, m.Columns?.Width ?? featureCount);
        }

        _members = members;
        FeatureCount = featureCount;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <summary>The number of members.</summary>
    public int MemberCount => _members.Length;

    /// <summary>Member <paramref name="index"/>'s model.</summary>
    public IRegressorModel Member(int index) => _members[index].Model;

    internal ReadOnlySpan<BaggingMember<IRegressorModel>> Members => _members;

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        using var gathered = new RowBuffer(FeatureCount);
        var sum = 0.0;
        foreach (var m in _members)
        {
            if (m.Columns is { } columns)
            {
                columns.Gather(row, gathered.Span);
                sum += m.Model.Predict(gathered.Span[..columns.Width]);
            }
            else
            {
                sum += m.Model.Predict(row);
            }
        }

        return sum / _members.Length;
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
        foreach (var m in _members)
        {
            m.Model.Predict(m.Columns is { } columns ? columns.Project(features) : features, member);
            for (var i = 0; i < n; i++)
            {
                sum[i] += member[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            sum[i] /= _members.Length;
        }
    }
}
