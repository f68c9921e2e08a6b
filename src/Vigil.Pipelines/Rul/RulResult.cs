using Vigil.Data.Cmapss;
using Vigil.ML.Rul;

namespace Vigil.Pipelines.Rul;

/// <summary>The outcome of the official RUL protocol: the RUL model and its test scores against capped and uncapped truth.</summary>
/// <param name="Model">The fitted RUL model (scaler, windows, regressor on window statistics).</param>
/// <param name="TrainWindows">Training windows.</param>
/// <param name="TestUnits">Test units scored (their last window).</param>
/// <param name="Evaluation">RMSE, MAE, R² and PHM08 against the capped and the uncapped truth.</param>
/// <param name="TrainSeconds">Wall seconds of the fit.</param>
public sealed record RulResult(RulModel Model, int TrainWindows, int TestUnits, RulEvaluation Evaluation, double TrainSeconds);

/// <summary>The outcome of RUL training on a generic per-cycle frame.</summary>
public sealed record RulDatasetResult
{
    /// <summary>The fitted model (trained on the training side of the split).</summary>
    public required RulModel Model { get; init; }

    /// <summary>The sensor columns used, in channel order.</summary>
    public required IReadOnlyList<string> Sensors { get; init; }

    /// <summary>Columns left out of the sensors, with the reason (not numeric, constant, excluded, …).</summary>
    public required IReadOnlyDictionary<string, string> DroppedColumns { get; init; }

    /// <summary>"group" or "random".</summary>
    public required string SplitKind { get; init; }

    /// <summary>Units with training windows.</summary>
    public required int TrainUnits { get; init; }

    /// <summary>Held-out units (for a random split: units with at least one held-out window).</summary>
    public required int TestUnits { get; init; }

    /// <summary>Training windows.</summary>
    public required int TrainWindows { get; init; }

    /// <summary>Held-out windows.</summary>
    public required int TestWindows { get; init; }

    /// <summary>Scores on every held-out window against its (capped) label.</summary>
    public required RulMetrics AllWindows { get; init; }

    /// <summary>
    /// Scores on the last window of each held-out unit, cut at a seeded random cycle as in the C-MAPSS test files
    /// (capped and uncapped truth); null for a random split, which holds out windows rather than units.
    /// </summary>
    public required RulEvaluation? LastWindow { get; init; }

    /// <summary>Warnings for the user (e.g. the leaky random split).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Wall seconds of the fit.</summary>
    public required double TrainSeconds { get; init; }
}
