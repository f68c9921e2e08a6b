namespace Vigil.ML.Inspection;

/// <summary>The score a classifier's permutation importance is measured with.</summary>
public enum PermutationScoring
{
    /// <summary>ROC-AUC of class 1 for a binary classifier, accuracy otherwise.</summary>
    Auto,

    /// <summary>The fraction of rows whose most probable class is right.</summary>
    Accuracy,

    /// <summary>ROC-AUC of class 1 (binary classifiers only).</summary>
    RocAuc,
}
