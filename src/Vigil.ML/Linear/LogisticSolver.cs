namespace Vigil.ML.Linear;

/// <summary>The optimizer of a logistic regression.</summary>
public enum LogisticSolver
{
    /// <summary>Limited-memory BFGS (Liu and Nocedal 1989); O(n·p) per iteration, the default.</summary>
    Lbfgs,

    /// <summary>Newton's method / iteratively reweighted least squares with a dense Hessian; O(n·p² + p³) per iteration, few iterations.</summary>
    Newton,
}
