using System.Diagnostics;
using Shouldly;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeLearnerTests
{
    // x = 1..8, y = 1 0 0 1 0 0 0 0 (2 positives, 6 negatives). Root Gini = 1 − (¼² + ¾²) = 0.375;
    // root entropy = H(¼) = 0.811278 bits. Weighted child impurity W·I of the candidate thresholds:
    //   Gini:    1.5 → 0 + (7 − 37/7) = 12/7 = 1.7143 (best);  2.5 → 1 + 5/3 = 2.667;  4.5 → 2 + 0 = 2
    //   Entropy: 1.5 → 0 + (7·log₂7 − 6·log₂6) = 4.1417;      4.5 → 4·1 + 0 = 4 (best)
    // so Gini splits at 1.5 and entropy at 4.5.
    private static ClassificationSet GiniVersusEntropy() =>
        Set([[1], [2], [3], [4], [5], [6], [7], [8]], [1, 0, 0, 1, 0, 0, 0, 0]);

    internal static ClassificationSet Set(double[][] rows, int[] labels, int classCount = 2) =>
        new(FeatureMatrix.FromRows(rows), labels, classCount);

    internal static double[] Proba(IClassifierModel model, params double[] row)
    {
        var p = new double[model.ClassCount];
        model.PredictProba(row, p);
        return p;
    }

    [Fact]
    public void Fit_Gini_SplitsWhereHandComputedImpurityIsLowest()
    {
        var model = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 1 }).Fit(GiniVersusEntropy());

        model.Tree.Nodes[0].Threshold.ShouldBe(1.5);
        Proba(model, 1).ShouldBe([0.0, 1.0]);
        Proba(model, 2)[1].ShouldBe(1.0 / 7, 1e-15);
    }

    [Fact]
    public void Fit_Entropy_SplitsWhereHandComputedEntropyIsLowest()
    {
        var model = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 1, Criterion = SplitCriterion.Entropy }).Fit(GiniVersusEntropy());

        model.Tree.Nodes[0].Threshold.ShouldBe(4.5);
        Proba(model, 2).ShouldBe([0.5, 0.5]);
        Proba(model, 5).ShouldBe([1.0, 0.0]);
    }

    [Fact]
    public void Fit_Unlimited_GrowsPureLeavesInPreOrder()
    {
        var model = new DecisionTreeLearner().Fit(GiniVersusEntropy());

        // Root 1.5 → leaf {1}; then x = 2..8 with y = 1 only at 4: 4.5 (W·Gini 4/3) beats 3.5 (8/5), then 3.5.
        model.Tree.Nodes[0].Threshold.ShouldBe(1.5);
        model.Tree.Nodes[0].Left.ShouldBe(1);
        model.LeafCount.ShouldBe(4);
        model.Depth.ShouldBe(3);
        for (var x = 1; x <= 8; x++)
        {
            Proba(model, x)[1].ShouldBe(x is 1 or 4 ? 1.0 : 0.0);
        }
    }

    [Fact]
    public void Fit_TwoFeatures_ImportanceGoesToTheSeparatingFeature()
    {
        // x0 is noise, x1 separates perfectly at 4.5: root Gini 0.5 → 0.
        double[][] rows = [[1, 2], [2, 3], [3, 1], [4, 7], [5, 4], [6, 8], [7, 6], [8, 5]];
        int[] labels = [0, 0, 0, 1, 0, 1, 1, 1];

        var model = new DecisionTreeLearner().Fit(Set(rows, labels));

        model.NodeCount.ShouldBe(3);
        model.Tree.Nodes[0].Feature.ShouldBe(1);
        model.Tree.Nodes[0].Threshold.ShouldBe(4.5);
        model.FeatureImportances.ToArray().ShouldBe([0.0, 1.0]);
    }

    [Fact]
    public void Fit_SingleClass_GivesOneLeafOfCertainty()
    {
        var model = new DecisionTreeLearner().Fit(Set([[1], [2], [3]], [1, 1, 1], classCount: 2));

        model.NodeCount.ShouldBe(1);
        model.Depth.ShouldBe(0);
        Proba(model, 10).ShouldBe([0.0, 1.0]);
        model.FeatureImportances.ToArray().ShouldBe([0.0]);
    }

    [Fact]
    public void Fit_MinSamplesLeaf_RejectsSmallChildren()
    {
        // With MinSamplesLeaf = 3 the split at 1.5 is illegal; 3.5, 4.5 and 5.5 remain.
        var model = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 1, MinSamplesLeaf = 3 }).Fit(GiniVersusEntropy());

        // W·Gini: 3.5 → 4/3 + 8/5 = 2.93; 4.5 → 2 + 0 = 2; 5.5 → 12/5 + 0 = 2.4.
        model.Tree.Nodes[0].Threshold.ShouldBe(4.5);
    }

    [Fact]
    public void Fit_MinImpurityDecreaseAboveBestGain_KeepsALeaf()
    {
        // Best Gini gain at the root is 0.375 − (12/7)/8 = 0.160714.
        var learner = new DecisionTreeLearner(new DecisionTreeOptions { MinImpurityDecrease = 0.17 });

        learner.Fit(GiniVersusEntropy()).NodeCount.ShouldBe(1);
        new DecisionTreeLearner(new DecisionTreeOptions { MinImpurityDecrease = 0.16, MaxDepth = 1 }).Fit(GiniVersusEntropy()).NodeCount.ShouldBe(3);
    }

    [Fact]
    public void Fit_BalancedClassWeights_ReweightsLeafProbabilities()
    {
        // 2 positives, 6 negatives: weights 8/(2·2) = 2 and 8/(2·6) = 2/3; a one-leaf tree scores 4/(4+4) = 0.5.
        var model = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 0, ClassWeighting = ClassWeighting.Balanced }).Fit(GiniVersusEntropy());

        Proba(model, 3)[1].ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Fit_SampleWeights_ActAsRepeatedRows()
    {
        var repeated = Set([[1], [1], [2], [3]], [0, 0, 1, 1]);
        var weighted = new ClassificationSet(FeatureMatrix.FromRows([[1], [2], [3]]), [0, 1, 1], 2, sampleWeights: [2, 1, 1]);
        var learner = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 0 });

        Proba(learner.Fit(weighted), 1).ShouldBe(Proba(learner.Fit(repeated), 1));
    }

    [Fact]
    public void Fit_MaxFeaturesSameSeed_GivesIdenticalTrees()
    {
        var data = RandomData(rows: 500, features: 6, seed: 11);
        var probe = RandomData(rows: 500, features: 6, seed: 12).Features;
        var options = new DecisionTreeOptions { MaxFeatures = 2, Seed = 42, MaxDepth = 6 };

        var a = new DecisionTreeLearner(options).Fit(data).PredictProba(probe);
        var b = new DecisionTreeLearner(options).Fit(data).PredictProba(probe);
        var c = new DecisionTreeLearner(options with { Seed = 43 }).Fit(data).PredictProba(probe);

        a.ShouldBe(b);
        c.SequenceEqual(a).ShouldBeFalse();
    }

    [Fact]
    public void Fit_TenThousandByEight_GrowsAFullTree()
    {
        var data = RandomData(rows: 10_000, features: 8, seed: 3);
        new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 3 }).Fit(RandomData(200, 8, 1)); // JIT warm-up

        var clock = Stopwatch.StartNew();
        var model = new DecisionTreeLearner().Fit(data);
        clock.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"10,000×8 fit: {clock.Elapsed.TotalMilliseconds:F1} ms, {model.NodeCount} nodes, depth {model.Depth}");
        model.LeafCount.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var options = new DecisionTreeOptions { MaxDepth = -1, MinSamplesSplit = 1, MinSamplesLeaf = 0, MinImpurityDecrease = double.NaN, MaxFeatures = 0 };

        var error = Should.Throw<ArgumentException>(() => new DecisionTreeLearner(options));

        error.Message.ShouldContain("MaxDepth");
        error.Message.ShouldContain("MinSamplesSplit");
        error.Message.ShouldContain("MinSamplesLeaf");
        error.Message.ShouldContain("MinImpurityDecrease");
        error.Message.ShouldContain("MaxFeatures");
    }

    [Fact]
    public void Fit_AllWeightsZero_Throws() =>
        Should.Throw<ArgumentException>(() => new DecisionTreeLearner().Fit(
            new ClassificationSet(FeatureMatrix.FromRows([[1], [2]]), [0, 1], 2, sampleWeights: [0, 0])));

    internal static ClassificationSet RandomData(int rows, int features, int seed) => Conformance.ConformanceData.RandomClassification(rows, features, seed);
}
