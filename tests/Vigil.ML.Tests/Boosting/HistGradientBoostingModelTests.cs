using Shouldly;
using Vigil.ML.Boosting;
using Xunit;

namespace Vigil.ML.Tests.Boosting;

public sealed class HistGradientBoostingModelTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void PredictProba_SingleRow_AllocatesNothing(int classes)
    {
        var data = HistGradientBoostingTrainingTests.Noisy(500, 4, 1, classes);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 30 }).Fit(data);
        var row = data.Features.Row(3).ToArray();
        var p = new double[classes];
        model.PredictProba(row, p);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            model.PredictProba(row, p);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 1)]
    [InlineData(2, 4)]
    public void PredictProba_Batch_EqualsRowByRowBitForBit(int classes, int threads)
    {
        // 1,000 rows: several 64-row blocks and a partial one, scored on 1 or 4 threads.
        var data = HistGradientBoostingTrainingTests.Noisy(1000, 6, 2, classes);
        var model = new HistGradientBoostingClassifierLearner(new() { Rounds = 25, MaxDegreeOfParallelism = threads }).Fit(data);

        var batch = model.PredictProba(data.Features);

        var p = new double[classes];
        for (var r = 0; r < data.RowCount; r++)
        {
            model.PredictProba(data.Features.Row(r), p);
            batch.AsSpan(r * classes, classes).ToArray().ShouldBe(p);
        }
    }

    [Fact]
    public void Predict_RegressorBatch_EqualsRowByRow()
    {
        var data = Conformance.RegressorLearnerConformance.Data(777, 3);
        var model = new HistGradientBoostingRegressorLearner(new() { Rounds = 50, MaxDegreeOfParallelism = 4 }).Fit(data);
        var batch = new double[data.RowCount];

        model.Predict(data.Features, batch);

        for (var r = 0; r < data.RowCount; r++)
        {
            batch[r].ShouldBe(model.Predict(data.Features.Row(r)));
        }
    }
}
