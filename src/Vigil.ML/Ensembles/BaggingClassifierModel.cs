namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable, thread-safe bagged classifier: the mean of its members' probabilities.</summary>
public sealed class BaggingClassifierModel : IClassifierModel
{
    private readonly BaggingMember<IClassifierModel>[] _members;

    internal BaggingClassifierModel(BaggingMember<IClassifierModel>[] members, int featureCount, int classCount)
    {
        foreach (var m in members)
        {
            EnsembleShape.CheckMember(m.Model, m.Columns?.Width ?? featureCount, classCount);
        }

        _members = members;
        FeatureCount = featureCount;
        ClassCount = classCount;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The number of members.</summary>
    public int MemberCount => _members.Length;

    /// <summary>Member <paramref name="index"/>'s model (it reads <see cref="MemberColumns"/> of the row, in that order).</summary>
    public IClassifierModel Member(int index) => _members[index].Model;

    /// <summary>The columns member <paramref name="index"/> sees, ascending; all columns when it was fitted on every feature.</summary>
    public ReadOnlySpan<int> MemberColumns(int index) =>
        _members[index].Columns is { } c ? c.Columns : Enumerable.Range(0, FeatureCount).ToArray();

    internal ReadOnlySpan<BaggingMember<IClassifierModel>> Members => _members;

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        var k = ClassCount;
        using var member = new RowBuffer(k);
        using var gathered = new RowBuffer(FeatureCount);
        var sum = probabilities[..k];
        sum.Clear();
        foreach (var m in _members)
        {
            if (m.Columns is { } columns)
            {
                columns.Gather(row, gathered.Span);
                m.Model.PredictProba(gathered.Span[..columns.Width], member.Span);
            }
            else
            {
                m.Model.PredictProba(row, member.Span);
            }

            for (var c = 0; c < k; c++)
            {
                sum[c] += member.Span[c];
            }
        }

        for (var c = 0; c < k; c++)
        {
            sum[c] /= _members.Length;
        }
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var total = features.RowCount * ClassCount;
        ModelShape.CheckDestination(probabilities.Length, total, nameof(probabilities));
        var sum = probabilities[..total];
        sum.Clear();
        var member = new double[total];
        foreach (var m in _members)
        {
            m.Model.PredictProba(m.Columns is { } columns ? columns.Project(features) : features, member);
            for (var i = 0; i < total; i++)
            {
                sum[i] += member[i];
            }
        }

        for (var i = 0; i < total; i++)
        {
            sum[i] /= _members.Length;
        }
    }
}
