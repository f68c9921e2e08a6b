namespace Vigil.ML.Svm;

/// <summary>The margin loss of a linear SVM.</summary>
public enum SvmLoss
{
    /// <summary>Hinge loss max(0, 1 − y·f) (L1-loss SVM), the default.</summary>
    Hinge,

    /// <summary>Squared hinge loss max(0, 1 − y·f)² (L2-loss SVM), scikit-learn LinearSVC's default.</summary>
    SquaredHinge,
}
