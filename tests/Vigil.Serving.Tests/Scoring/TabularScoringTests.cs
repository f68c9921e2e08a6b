using Shouldly;
using Vigil.Data.Frames;
using Vigil.Serving.Scoring;
using Xunit;

namespace Vigil.Serving.Tests.Scoring;

public sealed class TabularScoringTests(TestModels models)
{
    [Fact]
    public void Score_Classifier_AddsPredictionAndProbabilityColumns()
    {
        var frame = models.Records(30);

        var scored = TabularScoring.Score(models.Classifier, frame);

        scored.ColumnNames.ShouldBe([.. TestModels.Ai4iInputs, "prediction", "probability_0", "probability_1"]);
        var result = TabularScoring.Predict(models.Classifier, frame);
        Enumerable.Range(0, 30).Select(i => scored.Get<StringColumn>("prediction")[i]).ShouldBe(result.Labels!);
        scored.Get<Float64Column>("probability_1").ToArray().ShouldBe(Enumerable.Range(0, 30).Select(i => result.Probabilities![(i * 2) + 1]));
        result.Labels.ShouldBe(models.Classifier.PredictLabels(frame));
    }

    [Fact]
    public void Score_Regressor_AddsPrediction()
    {
        var frame = models.Ai4i.Head(12);

        TabularScoring.Score(models.Regressor, frame).Get<Float64Column>("prediction").ToArray().ShouldBe(models.Regressor.Predict(frame));
    }

    [Fact]
    public void Predict_Cancelled_Throws() =>
        Should.Throw<OperationCanceledException>(() => TabularScoring.Predict(models.Classifier, models.Records(3), new CancellationToken(true)));
}
