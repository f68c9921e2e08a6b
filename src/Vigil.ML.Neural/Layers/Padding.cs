namespace Vigil.ML.Neural.Layers;

/// <summary>How a convolution treats the sequence ends.</summary>
public enum Padding
{
    /// <summary>No padding: only windows that fit entirely inside the input; the settings name is "valid".</summary>
    Valid,

    /// <summary>Zero padding so the output has ceil(T / stride) steps; the settings name is "same".</summary>
    Same,
}
