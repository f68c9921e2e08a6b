namespace Vigil.ML.Evaluation;

/// <summary>How a calibration curve places its bin edges.</summary>
public enum CalibrationBinning
{
    /// <summary>Equal-width bins over [0, 1].</summary>
    Uniform,

    /// <summary>Edges at the quantiles of the predicted probabilities, so bins hold about equal counts.</summary>
    Quantile,
}
