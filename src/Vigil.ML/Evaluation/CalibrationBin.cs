namespace Vigil.ML.Evaluation;

/// <summary>One non-empty bin of a calibration curve: predicted probabilities in (Lower, Upper] (the first bin includes Lower).</summary>
/// <param name="Lower">The bin's lower edge.</param>
/// <param name="Upper">The bin's upper edge.</param>
/// <param name="MeanPredicted">The mean predicted positive probability of the bin's rows.</param>
/// <param name="ObservedFrequency">The fraction of the bin's rows that are positive.</param>
/// <param name="Count">The number of rows in the bin.</param>
public sealed record CalibrationBin(double Lower, double Upper, double MeanPredicted, double ObservedFrequency, int Count);
