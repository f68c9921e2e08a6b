namespace Vigil.ML.Evaluation;

/// <summary>One class's precision, recall, F1 and support (its number of true rows).</summary>
/// <param name="Precision">TP / (TP + FP); 0 when the class is never predicted.</param>
/// <param name="Recall">TP / (TP + FN); 0 when the class has no rows.</param>
/// <param name="F1">The harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Support">The number of rows whose true class this is.</param>
public sealed record ClassScores(double Precision, double Recall, double F1, long Support);
