using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.Pipelines.Training;

namespace Vigil.Pipelines.Rul;

/// <summary>
/// The C-MAPSS protocol of docs BENCHMARKS.md: min-max scaling fitted on the training file, piecewise-linear RUL labels
/// capped at <see cref="RulRequest.Cap"/>, 30-cycle windows with stride 1, and the last window of each test unit scored
/// against the truth file. Tree models learn from each window's per-sensor mean, last value and slope.
/// </summary>
public sealed class RulTrainingJob(LearnerCatalog catalog, TimeProvider time)
{
    private const string Target = "rul";

    /// <summary>Runs the protocol.</summary>
    public RulResult Run(RulRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sensors = RulWindowOptions.ProtocolSensors;
        var train = RulLabels.Add(CmapssReader.Read(request.TrainPath), request.Cap);
        var test = CmapssReader.Read(request.TestPath);
        var truth = CmapssReader.ReadRul(request.TruthPath);
        var scaler = MinMaxScaler.Fit(train, sensors);
        var windows = new RulWindows(new RulWindowOptions(windowLength: request.Window));
        var trainWindows = windows.Build(scaler.Transform(train));
        var testWindows = windows.LastWindows(scaler.Transform(test));
        if (testWindows.Count != truth.Length)
        {
            throw new ArgumentException($"{Path.GetFileName(request.TruthPath)} holds {truth.Length} values for {testWindows.Count} test units.");
        }

        var trainFrame = WindowStatistics.Compute(trainWindows, sensors)
            .WithColumn(new Float64Column(Target, [.. trainWindows.Targets.Select(t => (double)t)]));
        var learner = catalog.Regressor(request.Model, new LearnerParameters(), request.Seed);
        var start = time.GetTimestamp();
        var model = TabularRegressor.Fit(learner, trainFrame, new TabularEncoderOptions { Target = Target }, cancellationToken);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        var predictions = model.Predict(WindowStatistics.Compute(testWindows, sensors));
        var evaluation = RulProtocol.Evaluate(predictions, truth, request.Cap);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rmse"] = evaluation.Capped.Rmse,
            ["mae"] = evaluation.Capped.Mae,
            ["r2"] = evaluation.Capped.R2,
            ["phm08"] = evaluation.Capped.Phm08Score,
        };
        return new RulResult(model.WithInfo(model.Info with { Metrics = metrics }), trainWindows.Count, testWindows.Count, evaluation, seconds);
    }
}
