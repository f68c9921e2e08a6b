using Shouldly;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeModelTests
{
    private static readonly DecisionTreeModel Model =
        new DecisionTreeLearner().Fit(DecisionTreeLearnerTests.RandomData(rows: 2000, features: 4, seed: 5));

    [Fact]
    public void PredictProba_WrongRowWidth_ThrowsNamingExpectedAndActual()
    {
        var error = Should.Throw<ArgumentException>(() => Model.PredictProba(new double[3], new double[2]));

        error.Message.ShouldContain("4 features");
        error.Message.ShouldContain("got 3");
    }

    [Fact]
    public void PredictProba_WrongMatrixWidth_ThrowsNamingExpectedAndActual()
    {
        var error = Should.Throw<ArgumentException>(() => Model.PredictProba(new FeatureMatrix(1, 5, new double[5]), new double[2]));

        error.Message.ShouldContain("Expected 4");
        error.Message.ShouldContain("has 5");
    }

    [Fact]
    public void PredictProba_ShortDestination_Throws() =>
        Should.Throw<ArgumentException>(() => Model.PredictProba(new double[4], new double[1]));

    [Fact]
    public void PredictProba_Batch_MatchesSingleRows()
    {
        var data = DecisionTreeLearnerTests.RandomData(rows: 300, features: 4, seed: 9).Features;
        var batch = new double[data.RowCount * 2];
        Model.PredictProba(data, batch);

        var single = new double[2];
        for (var i = 0; i < data.RowCount; i++)
        {
            Model.PredictProba(data.Row(i), single);
            single.ShouldBe(batch.AsSpan(i * 2, 2).ToArray());
        }
    }

    [Fact]
    public void PredictProba_SingleRow_DoesNotAllocate()
    {
        double[] row = [50, 20, 80, 10];
        var p = new double[2];
        for (var i = 0; i < 1000; i++)
        {
            Model.PredictProba(row, p);
        }

        const int Calls = 200_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            row[0] = i % 100;
            Model.PredictProba(row, p);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void PredictProba_Batch_DoesNotAllocate()
    {
        var data = DecisionTreeLearnerTests.RandomData(rows: 1000, features: 4, seed: 9).Features;
        var p = new double[data.RowCount * 2];
        Model.PredictProba(data, p);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Model.PredictProba(data, p);

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void FeatureImportances_Always_SumToOne()
    {
        var sum = 0.0;
        foreach (var v in Model.FeatureImportances)
        {
            v.ShouldBeGreaterThanOrEqualTo(0);
            sum += v;
        }

        sum.ShouldBe(1.0, 1e-12);
    }
}
