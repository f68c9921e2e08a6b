using Shouldly;
using Vigil.Data.Splits;
using Vigil.ML.Evaluation;
using Vigil.ML.Tests.Conformance;
using Vigil.ML.Tests.Ensembles;
using Vigil.ML.Tests.Trees;
using Vigil.ML.Validation;
using Xunit;

namespace Vigil.ML.Tests.Validation;

public sealed class CrossValidationTests
{
    private static readonly ClassificationSet Data = DecisionTreeLearnerTests.RandomData(rows: 240, features: 4, seed: 51);

    [Fact]
    public void Classify_StratifiedFolds_EveryRowGetsOneOutOfFoldPrediction()
    {
        var folds = StratifiedKFold.Split(Data.Labels, 4, seed: 1);

        var result = CrossValidation.Classify(TestLearners.Tree(4), Data, folds);

        result.Folds.Count.ShouldBe(4);
        result.Folds.Sum(f => f.TestCount).ShouldBe(240);
        Enumerable.Range(0, 240).All(result.IsCovered).ShouldBeTrue();
        result.Folds.ShouldAllBe(f => f.Binary != null && f.LogLoss > 0);
    }

    [Fact]
    public void Classify_OutOfFold_EqualsTheFoldModelsPredictions()
    {
        var folds = KFold.Split(Data.RowCount, 3);
        var result = CrossValidation.Classify(TestLearners.Tree(3), Data, folds);

        var train = folds[1].Train.ToArray();
        var model = TestLearners.Tree(3).Fit(new ClassificationSet(
            Data.Features.Take(train), [.. train.Select(r => Data.Labels[r])], 2));
        var test = folds[1].Test.ToArray();
        var expected = model.PredictPositive(Data.Features.Take(test));

        test.Select(r => result.PositiveOutOfFold()[r]).ShouldBe(expected);
        result.Folds[1].Binary!.F1.ShouldBe(ClassificationMetrics.Binary([.. test.Select(r => Data.Labels[r])], expected).F1);
    }

    [Fact]
    public void Classify_Parallel_EqualsSequential()
    {
        var folds = StratifiedKFold.Split(Data.Labels, 5, seed: 2);

        var a = CrossValidation.Classify(TestLearners.Tree(5, maxFeatures: 2, seed: 3), Data, folds);
        var b = CrossValidation.Classify(TestLearners.Tree(5, maxFeatures: 2, seed: 3), Data, folds, new CrossValidationOptions { MaxDegreeOfParallelism = -1 });

        b.OutOfFoldProbabilities.ToArray().ShouldBe(a.OutOfFoldProbabilities.ToArray());
        b.Folds.Select(f => f.LogLoss).ShouldBe(a.Folds.Select(f => f.LogLoss));
    }

    [Fact]
    public void Classify_SingleHoldOut_LeavesTrainingRowsUncovered()
    {
        var split = StratifiedSplit.Split(Data.Labels, 0.25, seed: 0);

        var result = CrossValidation.Classify(TestLearners.Tree(3), Data, [split]);

        result.IsCovered(split.Train[0]).ShouldBeFalse();
        result.IsCovered(split.Test[0]).ShouldBeTrue();
        double.IsNaN(result.PositiveOutOfFold()[split.Train[0]]).ShouldBeTrue();
        result.Summarize(f => f.Metrics.Accuracy).StandardDeviation.ShouldBe(0);
    }

    [Fact]
    public void Classify_OutOfFold_FeedsThresholdTuningOnTheTrainingSetOnly()
    {
        var split = StratifiedSplit.Split(Data.Labels, 0.2, seed: 0);
        var train = new ClassificationSet(Data.Features.Take(split.Train), [.. split.Train.ToArray().Select(r => Data.Labels[r])], 2);

        var oof = CrossValidation.Classify(TestLearners.Tree(4), train, StratifiedKFold.Split(train.Labels, 5, seed: 0));
        var choice = ThresholdTuning.BestF1(train.Labels, oof.PositiveOutOfFold());

        choice.F1.ShouldBeGreaterThanOrEqualTo(ClassificationMetrics.Binary(train.Labels, oof.PositiveOutOfFold(), 0.5).F1);
    }

    [Fact]
    public void Classify_RowHeldOutTwice_ThrowsClearly()
    {
        TrainTestIndices[] folds = [new([2, 3], [0, 1]), new([0, 3], [1, 2])];
        var tiny = new ClassificationSet(FeatureMatrix.FromRows([[0.0], [1], [2], [3]]), [0, 1, 0, 1], 2);

        Should.Throw<ArgumentException>(() => CrossValidation.Classify(TestLearners.Tree(1), tiny, folds)).Message.ShouldContain("Row 1 is held out by folds 0 and 1");
    }

    [Fact]
    public void Classify_Cancelled_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Should.Throw<OperationCanceledException>(() => CrossValidation.Classify(TestLearners.Tree(3), Data, KFold.Split(Data.RowCount, 3), cancellationToken: source.Token));
    }

    [Fact]
    public void Regress_GroupFolds_ReportsPerFoldMetricsAndOutOfFold()
    {
        var data = RegressorLearnerConformance.Data(120, 5);
        int[] units = [.. Enumerable.Range(0, 120).Select(r => r / 10)];

        var result = CrossValidation.Regress(TestLearners.Linear(), data, GroupKFold.Split<int>(units, 4), new CrossValidationOptions { MaxDegreeOfParallelism = 2 });

        result.Folds.Count.ShouldBe(4);
        result.Folds.ShouldAllBe(f => f.Metrics.R2 > 0.8);
        Enumerable.Range(0, 120).All(result.IsCovered).ShouldBeTrue();
        var (mean, sd) = result.Summarize(f => f.Metrics.Rmse);
        mean.ShouldBeGreaterThan(0);
        sd.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Classify_InvalidOptions_ReportsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() =>
            CrossValidation.Classify(TestLearners.Tree(1), Data, [], new CrossValidationOptions { MaxDegreeOfParallelism = 0, Threshold = 2 }));

        error.Message.ShouldContain("MaxDegreeOfParallelism");
        error.Message.ShouldContain("Threshold");
        error.Message.ShouldContain("no folds");
    }
}
