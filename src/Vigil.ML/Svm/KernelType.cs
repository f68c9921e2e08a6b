namespace Vigil.ML.Svm;

/// <summary>The kernel of a kernel SVM.</summary>
public enum KernelType
{
    /// <summary>Gaussian radial basis function exp(−γ‖a − b‖²), the default.</summary>
    Rbf,

    /// <summary>Plain inner product a·b.</summary>
    Linear,

    /// <summary>Polynomial (γ·a·b + coef0)^degree.</summary>
    Polynomial,
}
