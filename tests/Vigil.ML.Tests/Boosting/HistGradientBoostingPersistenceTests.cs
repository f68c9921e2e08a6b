using Shouldly;
using Vigil.ML.Boosting;
using Vigil.ML.Persistence;
using Vigil.ML.Tests.Conformance;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

public sealed class HistGradientBoostingPersistenceTests
{
    private static T RoundTrip<T>(IModelCodec codec, T model)
        where T : class
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            codec.Write(model, writer, ModelCodecs.Default);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return (T)codec.Read(reader, 1, ModelCodecs.Default);
    }

    [Fact]
    public void SaveLoad_EarlyStoppedMulticlass_GivesIdenticalProbabilitiesAndHistory()
    {
        var data = HistGradientBoostingTrainingTests.Noisy(600, 5, 1, classes: 4);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 60, EarlyStoppingRounds = 5, Growth = TreeGrowth.LeafWise }).Fit(data);

        var loaded = RoundTrip(ModelCodecs.Default.FindFor(model)!, model);

        loaded.PredictProba(data.Features).ShouldBe(model.PredictProba(data.Features));
        loaded.ValidationLoss.ToArray().ShouldBe(model.ValidationLoss.ToArray());
        loaded.FeatureImportances.ToArray().ShouldBe(model.FeatureImportances.ToArray());
        loaded.Rounds.ShouldBe(model.Rounds);
    }

    [Fact]
    public void SaveLoad_HuberRegressor_GivesIdenticalPredictions()
    {
        var data = RegressorLearnerConformance.Data(300, 2);
        var model = new HistGradientBoostingRegressorLearner(new() { Rounds = 40, Loss = RegressionLoss.Huber }).Fit(data);
        var before = new double[data.RowCount];
        var after = new double[data.RowCount];

        var loaded = RoundTrip(ModelCodecs.Default.FindFor(model)!, model);
        model.Predict(data.Features, before);
        loaded.Predict(data.Features, after);

        after.ShouldBe(before);
    }

    [Fact]
    public void Load_CorruptChildIndex_FailsAsInvalidData()
    {
        var model = new HistGradientBoostingRegressorLearner(new() { Rounds = 2 }).Fit(RegressorLearnerConformance.Data(100, 3));
        var codec = ModelCodecs.Default.FindFor(model)!;
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            codec.Write(model, writer, ModelCodecs.Default);
        }

        // Header (20) + base score (8) + roots (2 × 4); the root's left-child field sits 12 bytes into its node.
        var bytes = stream.ToArray();
        BitConverter.GetBytes(-5).CopyTo(bytes, 20 + 8 + 8 + 12);

        using var reader = new BinaryReader(new MemoryStream(bytes));
        Should.Throw<InvalidDataException>(() => codec.Read(reader, 1, ModelCodecs.Default));
    }
}
