namespace Vigil.ML;

/// <summary>What a tabular model predicts.</summary>
public enum ModelTask
{
    /// <summary>A class with probabilities.</summary>
    Classification,

    /// <summary>A real number.</summary>
    Regression,
}
