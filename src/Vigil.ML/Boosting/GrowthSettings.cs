namespace Vigil.ML.Boosting;

/// <summary>The per-tree settings of <see cref="TreeGrower"/>, resolved from the options once per fit.</summary>
internal readonly record struct GrowthSettings(
    double Lambda,
    double MinChildWeight,
    int MinSamplesLeaf,
    double MinGain,
    int MaxDepth,
    int MaxLeaves,
    bool LeafWise,
    double LearningRate,
    int DegreeOfParallelism)
{
    /// <summary>XGBoost's kRtEps: splits must reduce the loss by more than this even when the minimum gain is 0.</summary>
    public const double GainEpsilon = 1e-6;

    public bool TrackCounts => MinSamplesLeaf > 1;

    public static GrowthSettings From(HistGradientBoostingOptions options, int degreeOfParallelism) => new(
        options.L2Regularization,
        options.MinChildWeight,
        options.MinSamplesLeaf,
        Math.Max(options.MinSplitGain, GainEpsilon),
        options.MaxDepth ?? int.MaxValue,
        options.Growth == TreeGrowth.LeafWise ? options.MaxLeaves : int.MaxValue,
        options.Growth == TreeGrowth.LeafWise,
        options.LearningRate,
        degreeOfParallelism);

    /// <summary>The leaf weight −G/(H+λ)·η (Chen and Guestrin 2016, eq. 5), 0 when H+λ is 0.</summary>
    public double LeafValue(double g, double h)
    {
        var d = h + Lambda;
        return d > 0 ? -g / d * LearningRate : 0;
    }

    /// <summary>Whether a node at <paramref name="depth"/> with these rows and hessian sum may be split at all.</summary>
    public bool CanSplit(int depth, int rows, double hessian) =>
        depth < MaxDepth && rows >= 2 * MinSamplesLeaf && rows >= 2 && hessian >= 2 * MinChildWeight && hessian > 0;
}
