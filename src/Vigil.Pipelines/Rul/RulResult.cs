using Vigil.Data.Cmapss;
using Vigil.ML;

namespace Vigil.Pipelines.Rul;

/// <summary>The outcome of the official RUL protocol: the model on window statistics and its test scores against capped and uncapped truth.</summary>
/// <param name="Model">The fitted regressor over window-statistic columns.</param>
/// <param name="TrainWindows">Training windows.</param>
/// <param name="TestUnits">Test units scored (their last window).</param>
/// <param name="Evaluation">RMSE, MAE, R² and PHM08 against the capped and the uncapped truth.</param>
/// <param name="TrainSeconds">Wall seconds of the fit.</param>
public sealed record RulResult(TabularRegressor Model, int TrainWindows, int TestUnits, RulEvaluation Evaluation, double TrainSeconds);
