namespace Vigil.ML.Boosting;

/// <summary>The loss a boosted regressor minimizes.</summary>
public enum RegressionLoss
{
    /// <summary>½(y − ŷ)²: gradient ŷ − y, hessian 1; the base score is the weighted mean.</summary>
    SquaredError,

    /// <summary>Huber's loss with threshold δ: squared within δ, linear beyond (gradient clipped to ±δ, hessian 1); the base score is the weighted median.</summary>
    Huber,
}
