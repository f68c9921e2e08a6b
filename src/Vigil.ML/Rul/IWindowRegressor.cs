using Vigil.Data.Cmapss;

namespace Vigil.ML.Rul;

/// <summary>
/// A trained remaining-useful-life regressor over raw windows of a unit's cycles: each window is
/// [<see cref="WindowLength"/> time steps × <see cref="Channels"/> scaled sensor channels], row-major, oldest step first
/// (<see cref="RulWindowSet.Values"/>). It sees the windows exactly as <see cref="RulModel"/> cut and min-max scaled
/// them, so a sequence model (an LSTM, a CNN) can consume them directly and a tabular model can summarize them first
/// (<see cref="WindowStatisticsRegressor"/>). Implementations are immutable and thread-safe, and are persisted by an
/// <see cref="Persistence.IModelCodec"/> registered in the <see cref="Persistence.ModelCodecs"/> used to save and load
/// (the <see cref="RulModel"/> codec writes its regressor with <see cref="Persistence.ModelCodecs.WriteNested"/>).
/// </summary>
public interface IWindowRegressor
{
    /// <summary>A short name of the model family, e.g. "window-statistics/gbdt".</summary>
    string Name { get; }

    /// <summary>The number of time steps of every window.</summary>
    int WindowLength { get; }

    /// <summary>The number of channels (sensors) of every time step.</summary>
    int Channels { get; }

    /// <summary>Writes one RUL prediction per window of <paramref name="windows"/> into <paramref name="predictions"/> (unclipped).</summary>
    /// <exception cref="ArgumentException">The windows are not <see cref="WindowLength"/> × <see cref="Channels"/>, or the destination is too short.</exception>
    void Predict(RulWindowSet windows, Span<double> predictions);
}

/// <summary>Fits an <see cref="IWindowRegressor"/> on labelled windows (targets required); seeded through its own options.</summary>
public interface IWindowRegressorLearner
{
    /// <summary>The name of the family, stored in the model's metadata.</summary>
    string Name { get; }

    /// <summary>The learner's options, serialized into the model's metadata.</summary>
    object Options { get; }

    /// <summary>Fits a regressor on <paramref name="training"/>, whose <see cref="RulWindowSet.Targets"/> hold the (capped) RUL of each window.</summary>
    IWindowRegressor Fit(RulWindowSet training, CancellationToken cancellationToken = default);
}
