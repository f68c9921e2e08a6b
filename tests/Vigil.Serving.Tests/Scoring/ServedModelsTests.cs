using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.Serving.Inputs;
using Vigil.Serving.Scoring;
using Xunit;

namespace Vigil.Serving.Tests.Scoring;

public sealed class ServedModelsTests(TestModels models)
{
    [Fact]
    public void Classifier_KindSchemaAndScores()
    {
        var served = models.ServedClassifier;

        served.Kind.ShouldBe("classifier");
        served.Task.ShouldBe(ModelTask.Classification);
        served.Identity.Name.ShouldBe("pdm");
        served.InputSchema.Columns.Select(c => c.Name).ShouldBe(TestModels.Ai4iInputs);
        var result = served.Score(models.Records(20));
        result.Rows.ShouldBe(20);
        result.Labels.ShouldBe(models.Classifier.PredictLabels(models.Records(20)));
        result.Probabilities!.Length.ShouldBe(40);
        result.Values.ShouldBeNull();
    }

    [Fact]
    public void Regressor_KindAndScores()
    {
        var served = models.ServedRegressor;
        var frame = models.Ai4i.Head(10).Select(served.InputSchema.Columns.Select(c => c.Name));

        served.Kind.ShouldBe("regressor");
        served.Task.ShouldBe(ModelTask.Regression);
        served.Score(frame).Values.ShouldBe(models.Regressor.Predict(frame));
    }

    [Fact]
    public void Rul_OneRowPerUnit_FromItsLatestWindow_KeyedByUnit()
    {
        var served = models.ServedRul;
        var telemetry = models.Degradation.Select(served.InputSchema.Columns.Select(c => c.Name));
        var units = telemetry.Get<Float64Column>("unit").Values.ToArray();
        var rows = Enumerable.Range(0, telemetry.RowCount).Where(i => units[i] is 2 or 4).ToArray();
        var two = telemetry.Take(rows);

        var result = served.Score(two);

        served.Kind.ShouldBe("rul");
        result.Rows.ShouldBe(2);
        result.Keys.ShouldBe(["2", "4"]);
        result.Values.ShouldBe(models.Rul.Predict(models.Rul.Windows(two, lastOnly: true)));
    }

    [Fact]
    public void Rul_FromJsonRecords_ShuffledRows_SameAnswer()
    {
        var served = models.ServedRul;
        var telemetry = models.Degradation.Select(served.InputSchema.Columns.Select(c => c.Name));
        var unit1 = telemetry.Take(Enumerable.Range(0, telemetry.RowCount).Where(i => telemetry.Get<Float64Column>("unit")[i] == 1).ToArray());
        var reversed = unit1.Take(Enumerable.Range(0, unit1.RowCount).Reverse().ToArray());

        var decoded = InputDecoder.For(served).DecodeRecords(Bodies.Records(reversed));

        served.Score(decoded.Frame).Values.ShouldBe(served.Score(unit1).Values);
    }

    [Fact]
    public void Rul_RepeatedTimeStepOrFractionalUnit_Is400()
    {
        var served = models.ServedRul;
        var telemetry = models.Degradation.Head(10).Select(served.InputSchema.Columns.Select(c => c.Name));
        var repeated = telemetry.Take([0, 1, 1]);
        var fractional = telemetry.WithColumn(new Float64Column("unit", [.. Enumerable.Repeat(1.5, 10)]));

        Should.Throw<InputValidationException>(() => served.Score(repeated)).Message.ShouldContain("already has a row at cycle 2");
        Should.Throw<InputValidationException>(() => served.Score(fractional)).Message.ShouldContain("whole number");
    }

    [Fact]
    public void SampleRequest_DecodesAndScores_ForEveryKind()
    {
        foreach (var served in new[] { models.ServedClassifier, models.ServedRegressor, models.ServedRul })
        {
            var request = InputDecoder.For(served).DecodeRecords(ServedModels.SampleRequest(served));
            served.Score(request.Frame).Rows.ShouldBe(1);
        }

        InputDecoder.For(models.ServedRul).DecodeRecords(ServedModels.SampleRequest(models.ServedRul)).Frame.RowCount.ShouldBe(8);
    }

    [Fact]
    public void Create_UnsupportedObject_NamesTheType() =>
        Should.Throw<NotSupportedException>(() => ServedModels.Create("not a model", new ModelIdentity("x", 1, "file")))
            .Message.ShouldContain("System.String");

    [Fact]
    public void Create_WarmUpFailure_ThrowsInvalidOperationNamingTheModel()
    {
        // A classifier whose encoding needs a column kind the synthetic record cannot satisfy: rename its input so the schema and encoding disagree.
        var broken = new TabularClassifier(models.Classifier.Encoding, models.Classifier.Labels, models.Classifier.Model, models.Classifier.Info)
            .WithPreprocessor(new DropEverything());

        var ex = Should.Throw<InvalidOperationException>(() => ServedModels.Create(broken, new ModelIdentity("broken", 7, "file:broken.vigil")));

        ex.Message.ShouldContain("'broken' version 7");
        ex.Message.ShouldContain("Warm-up");
    }

    [Fact]
    public void Score_IsThreadSafe_ConcurrentCallersGetTheirOwnAnswers()
    {
        var served = models.ServedClassifier;
        var frames = Enumerable.Range(0, 16).Select(i => models.Ai4i.Take([i * 3, (i * 3) + 1]).Select(TestModels.Ai4iInputs)).ToArray();
        var expected = frames.Select(f => models.Classifier.PredictProba(f)).ToArray();

        var results = new ScoreResult[frames.Length];
        Parallel.For(0, frames.Length, i => results[i] = served.Score(frames[i]));

        for (var i = 0; i < frames.Length; i++)
        {
            results[i].Probabilities.ShouldBe(expected[i]);
        }
    }

    /// <summary>A feature step that drops every column, so encoding fails on any input.</summary>
    private sealed class DropEverything : Vigil.ML.Preprocessing.IFittedFrameTransform
    {
        public FrameSchema InputSchema { get; } = new([new ColumnSchema("x", ColumnKind.Float64)]);

        public DataFrame Transform(DataFrame frame) => frame.Drop(frame.ColumnNames);
    }
}
