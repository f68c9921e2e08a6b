namespace Vigil.ML.Boosting;

/// <summary>How a boosted classifier re-weights its classes.</summary>
public enum ClassImbalance
{
    /// <summary>Every row keeps its sample weight.</summary>
    None,

    /// <summary>Each class k gets weight W / (K·Wₖ): W the total sample weight, Wₖ that of class k, K the classes present.</summary>
    Balanced,

    /// <summary>Rows of class 1 are multiplied by <see cref="HistGradientBoostingClassifierOptions.ScalePosWeight"/> (XGBoost's scale_pos_weight; binary only).</summary>
    ScalePosWeight,
}
