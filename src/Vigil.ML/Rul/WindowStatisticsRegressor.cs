using Vigil.Data.Cmapss;
using Vigil.ML.Persistence;

namespace Vigil.ML.Rul;

/// <summary>
/// A window regressor that summarizes every window per channel by its mean, last value and least-squares slope
/// (<see cref="WindowStatistics"/>) and scores the 3 × channels features with a tabular <see cref="IRegressorModel"/>
/// (a random forest or gradient boosting) — the anchors' tree-model protocol for C-MAPSS.
/// </summary>
public sealed class WindowStatisticsRegressor : IWindowRegressor
{
    /// <summary>Wraps a regressor fitted on window statistics of windows of <paramref name="windowLength"/> × <paramref name="channels"/>.</summary>
    public WindowStatisticsRegressor(int windowLength, int channels, IRegressorModel model, string learnerName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(learnerName);
        if (windowLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(windowLength), windowLength, "The window length must be at least 1.");
        }

        if (channels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "There must be at least one channel.");
        }

        if (model.FeatureCount != channels * 3)
        {
            throw new ArgumentException($"The model expects {model.FeatureCount} features but {channels} channels give {channels * 3} window statistics.", nameof(model));
        }

        (WindowLength, Channels, Model, LearnerName) = (windowLength, channels, model, learnerName);
    }

    /// <inheritdoc/>
    public string Name => "window-statistics/" + LearnerName;

    /// <summary>The name of the tabular learner that fitted <see cref="Model"/>.</summary>
    public string LearnerName { get; }

    /// <inheritdoc/>
    public int WindowLength { get; }

    /// <inheritdoc/>
    public int Channels { get; }

    /// <summary>The tabular regressor over the window statistics.</summary>
    public IRegressorModel Model { get; }

    /// <summary>Fits <paramref name="learner"/> on the statistics of the labelled <paramref name="training"/> windows.</summary>
    public static WindowStatisticsRegressor Fit(IRegressorLearner learner, RulWindowSet training, IReadOnlyList<string>? channelNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(training);
        if (training.Targets.Length != training.Count || training.Count == 0)
        {
            throw new ArgumentException($"Fitting needs labelled windows ({training.Count} windows, {training.Targets.Length} targets).", nameof(training));
        }

        var names = channelNames ?? [.. Enumerable.Range(1, training.Features).Select(i => $"c{i}")];
        var set = new RegressionSet(WindowStatistics.Matrix(training), [.. training.Targets.Select(t => (double)t)], featureNames: WindowStatistics.FeatureNames(names));
        return new WindowStatisticsRegressor(training.Length, training.Features, learner.Fit(set, cancellationToken), learner.Name);
    }

    /// <inheritdoc/>
    public void Predict(RulWindowSet windows, Span<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Length != WindowLength || windows.Features != Channels)
        {
            throw new ArgumentException($"Windows of {windows.Length} × {windows.Features} for a regressor of {WindowLength} × {Channels}.", nameof(windows));
        }

        if (predictions.Length < windows.Count)
        {
            throw new ArgumentException($"{predictions.Length} slots for {windows.Count} predictions.", nameof(predictions));
        }

        if (windows.Count > 0)
        {
            Model.Predict(WindowStatistics.Matrix(windows), predictions);
        }
    }
}

/// <summary>Fits a <see cref="WindowStatisticsRegressor"/> with a tabular regression learner.</summary>
/// <param name="Learner">The tabular learner (e.g. gradient boosting) fitted on the window statistics.</param>
/// <param name="ChannelNames">The channel (sensor) names, for the statistics' feature names; null = c1, c2, ….</param>
public sealed record WindowStatisticsLearner(IRegressorLearner Learner, IReadOnlyList<string>? ChannelNames = null) : IWindowRegressorLearner
{
    /// <inheritdoc/>
    public string Name => "window-statistics/" + Learner.Name;

    /// <inheritdoc/>
    public object Options => Learner.Options;

    /// <inheritdoc/>
    public IWindowRegressor Fit(RulWindowSet training, CancellationToken cancellationToken = default) =>
        WindowStatisticsRegressor.Fit(Learner, training, ChannelNames, cancellationToken);
}

/// <summary>Model-file codec of <see cref="WindowStatisticsRegressor"/>: window length, channels, learner name, then the nested tabular regressor.</summary>
public sealed class WindowStatisticsRegressorCodec : ModelCodec<WindowStatisticsRegressor>
{
    /// <inheritdoc/>
    public override string Kind => "vigil.window-statistics-regressor";

    /// <inheritdoc/>
    public override void Write(WindowStatisticsRegressor model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(codecs);
        writer.Write(model.WindowLength);
        writer.Write(model.Channels);
        writer.Write(model.LearnerName);
        codecs.WriteNested(model.Model, writer);
    }

    /// <inheritdoc/>
    public override WindowStatisticsRegressor Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codecs);
        var length = reader.ReadInt32();
        var channels = reader.ReadInt32();
        var learner = reader.ReadString();
        var model = codecs.ReadNested(reader, formatVersion) as IRegressorModel
            ?? throw new InvalidDataException("The window-statistics regressor's nested model is not a regressor.");
        return new WindowStatisticsRegressor(length, channels, model, learner);
    }
}
