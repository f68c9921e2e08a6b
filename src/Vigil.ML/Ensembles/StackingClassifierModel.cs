namespace Vigil.ML.Ensembles;

/// <summary>A trained, immutable, thread-safe stacked classifier: base models' probabilities (and optionally the row) scored by the meta-model.</summary>
public sealed class StackingClassifierModel : IClassifierModel
{
    private readonly IClassifierModel[] _bases;

    internal StackingClassifierModel(IClassifierModel[] bases, IClassifierModel meta, StackingLayout layout, int classCount)
    {
        CodecIo.Check(bases.Length == layout.BaseCount && bases.Length > 0, "A stacking model needs at least one base model, as many as its layout.");
        CodecIo.Check(layout.PerBase == StackingLayout.ClassifierWidth(classCount), "The stacking layout does not match the class count.");
        foreach (var b in bases)
        {
            EnsembleShape.CheckMember(b, layout.FeatureCount, classCount);
        }

        EnsembleShape.CheckMember(meta, layout.Width, classCount);
        _bases = bases;
        Meta = meta;
        Layout = layout;
        ClassCount = classCount;
    }

    /// <inheritdoc/>
    public int FeatureCount => Layout.FeatureCount;

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The number of base models.</summary>
    public int BaseCount => _bases.Length;

    /// <summary>Whether the meta-model also reads the original features.</summary>
    public bool PassThrough => Layout.PassThrough;

    /// <summary>Base model <paramref name="index"/>, refitted on all training rows.</summary>
    public IClassifierModel Base(int index) => _bases[index];

    /// <summary>The meta-model, fitted on out-of-fold base probabilities.</summary>
    public IClassifierModel Meta { get; }

    internal StackingLayout Layout { get; }

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        using var metaRow = new RowBuffer(Layout.Width);
        using var member = new RowBuffer(ClassCount);
        for (var b = 0; b < _bases.Length; b++)
        {
            _bases[b].PredictProba(row, member.Span);
            Layout.PutProbabilities(b, member.Span, metaRow.Span);
        }

        Layout.PutFeatures(row, metaRow.Span);
        Meta.PredictProba(metaRow.Span, probabilities);
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        var (n, k, width) = (features.RowCount, ClassCount, Layout.Width);
        ModelShape.CheckDestination(probabilities.Length, n * k, nameof(probabilities));
        var meta = new double[n * width];
        var member = new double[n * k];
        for (var b = 0; b < _bases.Length; b++)
        {
            _bases[b].PredictProba(features, member);
            for (var i = 0; i < n; i++)
            {
                Layout.PutProbabilities(b, member.AsSpan(i * k, k), meta.AsSpan(i * width, width));
            }
        }

        for (var i = 0; i < n; i++)
        {
            Layout.PutFeatures(features.Row(i), meta.AsSpan(i * width, width));
        }

        Meta.PredictProba(new FeatureMatrix(n, width, meta), probabilities);
    }
}
