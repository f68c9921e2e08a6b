using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests;

public sealed class TabularClassifierTests
{
    internal static TabularClassifier Train() => TabularClassifier.Fit(
        new DecisionTreeLearner(new DecisionTreeOptions { Criterion = SplitCriterion.Entropy }),
        Frames.Machines(),
        new TabularEncoderOptions { Target = "Failure" });

    [Fact]
    public void Fit_Frame_RecordsLearnerAndLabels()
    {
        var classifier = Train();

        classifier.Labels.Labels.ShouldBe(["0", "1"]);
        classifier.Info.LearnerName.ShouldBe("DecisionTree");
        classifier.Info.LearnerOptionsJson.ShouldContain("\"criterion\": \"Entropy\"");
        classifier.Model.FeatureCount.ShouldBe(5);
    }

    [Fact]
    public void PredictLabels_TrainingFrame_ReproducesTargets() =>
        Train().PredictLabels(Frames.Machines()).ShouldBe(["0", "0", "0", "1", "1", "0"]);

    [Fact]
    public void PredictProba_FrameWithoutTarget_GivesRowsTimesClasses()
    {
        var p = Train().PredictProba(Frames.Machines().Drop("Failure", "Note"));

        p.Length.ShouldBe(12);
        p[7].ShouldBe(1.0); // row 3 is a failure
    }

    [Fact]
    public void Constructor_ModelOfWrongWidth_Throws()
    {
        var classifier = Train();
        var narrow = new DecisionTreeLearner().Fit(new ClassificationSet(FeatureMatrix.FromRows([[1], [2]]), [0, 1], 2));

        Should.Throw<ArgumentException>(() => new TabularClassifier(classifier.Encoding, classifier.Labels, narrow, classifier.Info));
    }

    [Fact]
    public void PredictProba_MissingColumn_ThrowsNamingIt() =>
        Should.Throw<ArgumentException>(() => Train().PredictProba(Frames.Machines().Drop("Temp"))).Message.ShouldContain("'Temp'");

    [Fact]
    public void EvaluateBinary_TrainingFrame_IsPerfect()
    {
        var m = Train().EvaluateBinary(Frames.Machines());

        m.F1.ShouldBe(1.0);
        m.RocAuc.ShouldBe(1.0);
        m.PositiveSupport.ShouldBe(2);
    }
}
