using Shouldly;
using Vigil.ML.Ensembles;
using Vigil.ML.Persistence;
using Vigil.ML.Tests.Trees;
using Xunit;

namespace Vigil.ML.Tests.Ensembles;

public sealed class NestedCodecTests
{
    [Fact]
    public void ReadNested_EnsembleOfEnsembles_RoundTrips()
    {
        var data = DecisionTreeLearnerTests.RandomData(rows: 150, features: 4, seed: 61);
        var learner = new VotingClassifierLearner(new VotingClassifierOptions
        {
            Learners = [new BaggingClassifierLearner(new BaggingClassifierOptions { MemberCount = 3, FeatureFraction = 0.5 }), new AdaBoostClassifierLearner(new AdaBoostOptions { Rounds = 5 })],
        });
        var model = learner.Fit(data);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ModelCodecs.Default.WriteNested(model, writer);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var loaded = (IClassifierModel)ModelCodecs.Default.ReadNested(reader, ModelFile.CurrentVersion);

        loaded.PredictProba(data.Features).ShouldBe(model.PredictProba(data.Features));
        buffer.Position.ShouldBe(buffer.Length);
    }

    [Fact]
    public void ReadNested_LengthBeyondTheData_Throws()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("vigil.decision-tree-classifier");
            writer.Write(1_000);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);

        Should.Throw<InvalidDataException>(() => ModelCodecs.Default.ReadNested(reader, 1)).Message.ShouldContain("does not fit");
    }
}
