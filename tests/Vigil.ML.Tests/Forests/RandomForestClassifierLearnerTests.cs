using Shouldly;
using Vigil.ML.Forests;
using Vigil.ML.Persistence;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Forests;

public sealed class RandomForestClassifierLearnerTests
{
    private static RandomForestClassifierModel Fit(ClassificationSet data, RandomForestClassifierOptions options) =>
        new RandomForestClassifierLearner(options).Fit(data);

    [Fact]
    public void Fit_ParallelAndSequential_GiveBitIdenticalForests()
    {
        var data = ForestData.Classification(600, 1);
        var options = new RandomForestClassifierOptions { TreeCount = 30, Seed = 5, OobScore = true, ClassWeighting = ForestClassWeighting.BalancedSubsample };

        var sequential = Fit(data, options with { MaxDegreeOfParallelism = 1 });
        var parallel = Fit(data, options with { MaxDegreeOfParallelism = 4 });

        Bytes(parallel).ShouldBe(Bytes(sequential));
        parallel.PredictProba(data.Features).ShouldBe(sequential.PredictProba(data.Features));
        parallel.OobProbabilities.ToArray().ShouldBe(sequential.OobProbabilities.ToArray());
    }

    [Fact]
    public void OobScore_NoisyData_IsCloseToHeldOutAccuracy()
    {
        var model = Fit(ForestData.Classification(2000, 1), new RandomForestClassifierOptions { OobScore = true, Seed = 3 });
        var test = ForestData.Classification(2000, 2);

        var p = model.PredictProba(test.Features);
        var correct = Enumerable.Range(0, test.RowCount).Count(r => (p[(2 * r) + 1] > p[2 * r] ? 1 : 0) == test.Labels[r]);

        model.OobScore.ShouldBe(correct / (double)test.RowCount, 0.03);
        model.OobScore.ShouldBeGreaterThan(0.8);
        model.OobProbabilities.Length.ShouldBe(4000);
    }

    [Fact]
    public void Fit_NoOobRequested_ReportsNaN()
    {
        var model = Fit(ForestData.Classification(100, 1), new RandomForestClassifierOptions { TreeCount = 3 });

        double.IsNaN(model.OobScore).ShouldBeTrue();
        model.OobProbabilities.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void FeatureImportances_InformativeFeaturesRankFirstAndSumToOne()
    {
        var model = Fit(ForestData.Classification(1000, 4), new RandomForestClassifierOptions { TreeCount = 30 });
        var importances = model.FeatureImportances.ToArray();

        importances.Sum().ShouldBe(1.0, 1e-9);
        importances[0].ShouldBeGreaterThan(importances[1]);
        importances[1].ShouldBeGreaterThan(importances.Skip(2).Max());
    }

    [Fact]
    public void Fit_OneTreeNoBootstrapAllFeatures_MatchesExactCartOnIntegerData()
    {
        // Fewer than 255 distinct values per feature: every value has its own bin, so the histogram search
        // sees exactly the partitions the presorted CART sees and must grow the same tree.
        var data = ForestData.SmallIntegers(400, 7);
        var forest = Fit(data, new RandomForestClassifierOptions { TreeCount = 1, Bootstrap = false, MaxFeatures = 3, MaxDepth = 6 });
        var tree = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 6 }).Fit(data);
        var grid = FeatureMatrix.FromRows([.. from a in Enumerable.Range(0, 8) from b in Enumerable.Range(0, 8) from c in Enumerable.Range(0, 8) select new double[] { a, b, c }]);

        var expected = tree.PredictProba(grid);
        var actual = forest.PredictProba(grid);

        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].ShouldBe(expected[i], 1e-12);
        }
    }

    [Fact]
    public void PredictProba_SingleRowEqualsBatchIncludingMissingValues()
    {
        var data = ForestData.Classification(500, 8);
        var values = data.Features.Values.ToArray();
        for (var i = 0; i < values.Length; i += 7)
        {
            values[i] = double.NaN;
        }

        var withMissing = new ClassificationSet(new FeatureMatrix(data.RowCount, data.FeatureCount, values), data.Labels.ToArray(), 2);
        var model = Fit(withMissing, new RandomForestClassifierOptions { TreeCount = 10, MaxDegreeOfParallelism = 2 });
        var batch = model.PredictProba(withMissing.Features);
        var p = new double[2];

        for (var r = 0; r < withMissing.RowCount; r++)
        {
            model.PredictProba(withMissing.Features.Row(r), p);
            p.ShouldBe(batch.AsSpan(2 * r, 2).ToArray());
        }
    }

    [Fact]
    public void PredictProba_SingleRow_DoesNotAllocate()
    {
        var model = Fit(ForestData.Classification(300, 1), new RandomForestClassifierOptions { TreeCount = 10 });
        var row = new double[5];
        var p = new double[2];
        model.PredictProba(row, p);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            model.PredictProba(row, p);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Fit_MaxDepthAndMinSamplesLeaf_AreRespected()
    {
        var data = ForestData.Classification(500, 2);

        var shallow = Fit(data, new RandomForestClassifierOptions { TreeCount = 5, MaxDepth = 2 });
        var stumpy = Fit(data, new RandomForestClassifierOptions { TreeCount = 5, MinSamplesLeaf = 400, Bootstrap = false });

        shallow.NodeCount.ShouldBeLessThanOrEqualTo(5 * 7);
        stumpy.NodeCount.ShouldBe(5);
    }

    [Fact]
    public void Ctor_InvalidOptions_ListsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new RandomForestClassifierLearner(new RandomForestClassifierOptions
        {
            TreeCount = 0, MaxSamples = 1.5, MaxBins = 300, MaxDegreeOfParallelism = 0, Bootstrap = false, OobScore = true, MinSamplesSplit = 1,
        }));

        foreach (var name in new[] { "TreeCount", "MaxSamples", "MaxBins", "MaxDegreeOfParallelism", "OobScore", "MinSamplesSplit" })
        {
            error.Message.ShouldContain(name);
        }
    }

    [Fact]
    public void Load_CorruptForest_FailsAsInvalidData()
    {
        var bytes = Bytes(Fit(ForestData.Classification(100, 1), new RandomForestClassifierOptions { TreeCount = 2 }));
        bytes[20 + 8 + 8 + 3] = 0x7F;  // first node's right child far out of range (roots are 2 × int32)

        using var reader = new BinaryReader(new MemoryStream(bytes));
        Should.Throw<InvalidDataException>(() => ModelCodecs.Default.Find("vigil.random-forest-classifier")!.Read(reader, 1, ModelCodecs.Default));
    }

    internal static byte[] Bytes(object model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ModelCodecs.Default.FindFor(model)!.Write(model, writer, ModelCodecs.Default);
        }

        return stream.ToArray();
    }
}
