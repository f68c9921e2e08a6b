namespace Vigil.ML.Tuning;

/// <summary>A value a trial reported part-way (e.g. the validation loss after a number of boosting rounds or folds).</summary>
/// <param name="Step">The step, increasing within a trial (epoch, round, fold…).</param>
/// <param name="Value">The objective's value at that step.</param>
public readonly record struct IntermediateValue(int Step, double Value);
