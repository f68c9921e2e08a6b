using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Vigil.ML.Persistence;
using Xunit;

namespace Vigil.ML.Tests.Conformance;

/// <summary>The suite every regressor learner passes: repeatability, shape checks, save/load round trip, fit quality, edge cases.</summary>
public abstract class RegressorLearnerConformance
{
    /// <summary>A learner configured with the given seed.</summary>
    protected abstract IRegressorLearner CreateLearner(int seed);

    /// <summary>Whether the learner handles NaN features natively; otherwise it must reject them with an ArgumentException.</summary>
    protected virtual bool SupportsMissingValues => true;

    /// <summary>The model-file codecs that know the learner's models (the built-in set unless a learner lives in another assembly).</summary>
    protected virtual ModelCodecs Codecs => ModelCodecs.Default;

    /// <summary>Rows of y = 3·x0 − 2·x1 + x2² + small noise, features uniform in [0, 1).</summary>
    public static RegressionSet Data(int rows, int seed)
    {
        var random = new Random(seed);
        const int Features = 4;
        var x = new double[rows * Features];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < Features; f++)
            {
                x[(r * Features) + f] = random.NextDouble();
            }

            y[r] = (3 * x[r * Features]) - (2 * x[(r * Features) + 1]) + (x[(r * Features) + 2] * x[(r * Features) + 2]) + (0.05 * (random.NextDouble() - 0.5));
        }

        return new RegressionSet(new FeatureMatrix(rows, Features, x), y);
    }

    private static double[] Predict(IRegressorModel model, FeatureMatrix features)
    {
        var result = new double[features.RowCount];
        model.Predict(features, result);
        return result;
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalPredictions()
    {
        var probe = Data(50, 2).Features;

        Predict(CreateLearner(7).Fit(Data(300, 1)), probe).ShouldBe(Predict(CreateLearner(7).Fit(Data(300, 1)), probe));
    }

    [Fact]
    public void Fit_SmoothTarget_ExplainsMostOfTheVariance()
    {
        var model = CreateLearner(1).Fit(Data(400, 1));
        var test = Data(200, 9);

        var r2 = Vigil.ML.Evaluation.RegressionMetrics.Compute(test.Targets, Predict(model, test.Features)).R2;

        r2.ShouldBeGreaterThan(0.7);
    }

    [Fact]
    public void Predict_SingleRowEqualsBatch()
    {
        var model = CreateLearner(1).Fit(Data(200, 1));
        var probe = Data(20, 3).Features;
        var batch = Predict(model, probe);

        for (var r = 0; r < probe.RowCount; r++)
        {
            model.Predict(probe.Row(r)).ShouldBe(batch[r]);
        }
    }

    [Fact]
    public void Predict_WrongWidth_FailsFast()
    {
        var model = CreateLearner(1).Fit(Data(100, 1));

        Should.Throw<ArgumentException>(() => model.Predict(new double[3]));
        Should.Throw<ArgumentException>(() => model.Predict(new FeatureMatrix(2, 5, new double[10]), new double[2]));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalPredictions()
    {
        var data = Data(200, 4);
        var columns = Enumerable.Range(0, data.FeatureCount)
            .Select(f => (Column)new Float64Column($"x{f}", [.. Enumerable.Range(0, data.RowCount).Select(r => data.Features[r, f])]))
            .Append(new Float64Column("y", data.Targets.ToArray()));
        var frame = new DataFrame(columns);
        var regressor = TabularRegressor.Fit(CreateLearner(3), frame, new TabularEncoderOptions { Target = "y" });

        using var stream = new MemoryStream();
        ModelFile.Save(regressor, stream, Codecs);
        stream.Position = 0;
        var loaded = (TabularRegressor)ModelFile.Load(stream, Codecs);

        loaded.Predict(frame).ShouldBe(regressor.Predict(frame));
    }

    [Fact]
    public void Fit_ConstantTarget_PredictsTheConstant()
    {
        var model = CreateLearner(1).Fit(new RegressionSet(FeatureMatrix.FromRows([[1, 2], [3, 4], [5, 6], [7, 8]]), [5, 5, 5, 5]));

        model.Predict([2, 3]).ShouldBe(5, 1e-6);
    }

    [Fact]
    public void Fit_MissingValues_HandledOrRejectedClearly()
    {
        var data = Data(200, 6);
        var values = new double[data.RowCount * data.FeatureCount];
        for (var r = 0; r < data.RowCount; r++)
        {
            for (var f = 0; f < data.FeatureCount; f++)
            {
                values[(r * data.FeatureCount) + f] = (r + f) % 7 == 0 ? double.NaN : data.Features[r, f];
            }
        }

        var set = new RegressionSet(new FeatureMatrix(data.RowCount, data.FeatureCount, values), data.Targets.ToArray());
        if (!SupportsMissingValues)
        {
            Should.Throw<ArgumentException>(() => CreateLearner(1).Fit(set)).Message.ShouldContain("NaN", Case.Insensitive);
            return;
        }

        var model = CreateLearner(1).Fit(set);
        double.IsFinite(model.Predict([.. Enumerable.Repeat(double.NaN, data.FeatureCount)])).ShouldBeTrue();
    }
}
