namespace Vigil.ML.Boosting;

/// <summary>The order in which a boosted tree's leaves are split.</summary>
public enum TreeGrowth
{
    /// <summary>Level by level up to <see cref="HistGradientBoostingOptions.MaxDepth"/> (XGBoost's default "depthwise" policy).</summary>
    DepthWise,

    /// <summary>Always the leaf with the largest gain, up to <see cref="HistGradientBoostingOptions.MaxLeaves"/> (LightGBM, Ke et al. 2017).</summary>
    LeafWise,
}
