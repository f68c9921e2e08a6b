namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable, thread-safe stacked regressor: base models' predictions (and optionally the row) scored by the meta-model.</summary>
public sealed class StackingRegressorModel : IRegressorModel
{
    private readonly IRegressorModel[] _bases;

    internal StackingRegressorModel(IRegressorModel[] bases, IRegressorModel meta, StackingLayout layout)
    {
        CodecIo.Check(bases.Length == layout.BaseCount && bases.Length > 0 && layout.PerBase == 1, "A stacking model needs at least one base model, as many as its layout.");
        foreach (var b in bases)
        {
            EnsembleShape.CheckMember(b, layout.FeatureCount);
        }

        EnsembleShape.CheckMember(meta, layout.Width);
        _bases = bases;
        Meta = meta;
        Layout = layout;
    }

    /// <inheritdoc/>
    public int FeatureCount => Layout.FeatureCount;

    /// <summary>The number of base models.</summary>
    public int BaseCount => _bases.Length;

    /// <summary>Whether the meta-model also reads the original features.</summary>
    public bool PassThrough => Layout.PassThrough;

    /// <summary>Base model <paramref name="index"/>, refitted on all training rows.</summary>
    public IRegressorModel Base(int index) => _bases[index];

    /// <summary>The meta-model, fitted on out-of-fold base predictions.</summary>
    public IRegressorModel Meta { get; }

    internal StackingLayout Layout { get; }

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> row)
    {
        ModelShape.CheckRow(row, FeatureCount);
        using var metaRow = new RowBuffer(Layout.Width);
        for (var b = 0; b < _bases.Length; b++)
        {
            metaRow.Span[b] = _bases[b].Predict(row);
        }

        Layout.PutFeatures(row, metaRow.Span);
        return Meta.Predict(metaRow.Span);
    }

    /// <inheritdoc/>
    public void Predict(FeatureMatrix features, Span<double> predictions)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var (n, width) = (features.RowCount, Layout.Width);
        ModelShape.CheckDestination(predictions.Length, n, nameof(predictions));
        var meta = new double[n * width];
        var member = new double[n];
        for (var b = 0; b < _bases.Length; b++)
        {
            _bases[b].Predict(features, member);
            for (var i = 0; i < n; i++)
            {
                meta[(i * width) + b] = member[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            Layout.PutFeatures(features.Row(i), meta.AsSpan(i * width, width));
        }

        Meta.Predict(new FeatureMatrix(n, width, meta), predictions);
    }
}
