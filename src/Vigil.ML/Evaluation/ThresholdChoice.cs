namespace Vigil.ML.Evaluation;

/// <summary>A decision threshold chosen on a precision–recall curve, with the scores it reached there.</summary>
/// <param name="Threshold">Rows whose score is ≥ this are predicted positive.</param>
/// <param name="F1">The positive-class F1 at the threshold.</param>
/// <param name="Precision">The positive-class precision at the threshold.</param>
/// <param name="Recall">The positive-class recall at the threshold.</param>
public sealed record ThresholdChoice(double Threshold, double F1, double Precision, double Recall);
