namespace Vigil.ML.Trees;

/// <summary>How class frequencies re-weight training rows.</summary>
public enum ClassWeighting
{
    /// <summary>Every row keeps its sample weight.</summary>
    None,

    /// <summary>Each class k gets weight W / (K·Wₖ): W the total sample weight, Wₖ that of class k, K the classes present.</summary>
    Balanced,
}
