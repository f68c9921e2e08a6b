namespace Vigil.ML.Ensembles;

/// <summary>
/// The meta-feature row of a stacked model: <c>Width</c> columns per base model (the class-1 probability for two
/// classes, all K probabilities otherwise, the prediction for regressors), then the original features when passed through.
/// </summary>
internal sealed record StackingLayout(int BaseCount, int PerBase, int FeatureCount, bool PassThrough)
{
    public int Width => (BaseCount * PerBase) + (PassThrough ? FeatureCount : 0);

    public static int ClassifierWidth(int classCount) => classCount == 2 ? 1 : classCount;

    /// <summary>Writes base <paramref name="index"/>'s probabilities (K of them) into its meta columns.</summary>
    public void PutProbabilities(int index, ReadOnlySpan<double> probabilities, Span<double> metaRow)
    {
        if (PerBase == 1 && probabilities.Length == 2)
        {
            metaRow[index] = probabilities[1];
        }
        else
        {
            probabilities[..PerBase].CopyTo(metaRow.Slice(index * PerBase, PerBase));
        }
    }

    public void PutFeatures(ReadOnlySpan<double> row, Span<double> metaRow)
    {
        if (PassThrough)
        {
            row.CopyTo(metaRow[(BaseCount * PerBase)..]);
        }
    }

    public IReadOnlyList<string> Names(IReadOnlyList<string> featureNames, bool classifier)
    {
        var names = new List<string>(Width);
        for (var b = 0; b < BaseCount; b++)
        {
            for (var c = 0; c < PerBase; c++)
            {
                names.Add(!classifier ? $"base{b}" : PerBase == 1 ? $"base{b}.p1" : $"base{b}.p{c}");
            }
        }

        if (PassThrough)
        {
            names.AddRange(featureNames);
        }

        return names;
    }
}
