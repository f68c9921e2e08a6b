using Vigil.ML.Neural.Models;
using Vigil.ML.Persistence;
using Vigil.ML.Tests.Conformance;

namespace Vigil.ML.Neural.Tests.Models;

public sealed class MlpRegressorConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override ModelCodecs Codecs => NeuralCodecs.AddTo(ModelCodecs.Default);

    protected override IRegressorLearner CreateLearner(int seed) =>
        new NeuralRegressor(new NeuralOptions { Architecture = "mlp", Hidden = [32, 16], Epochs = 150, BatchSize = 32, LearningRate = 3e-3f, Seed = seed });
}

public sealed class LstmRegressorConformanceTests : RegressorLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override ModelCodecs Codecs => NeuralCodecs.AddTo(ModelCodecs.Default);

    // Four features read as 2 steps of 2 channels.
    protected override IRegressorLearner CreateLearner(int seed) =>
        new NeuralRegressor(new NeuralOptions { Architecture = "lstm", Steps = 2, Units = 16, Epochs = 120, BatchSize = 32, LearningRate = 5e-3f, Seed = seed });
}

public sealed class MlpClassifierConformanceTests : ClassifierLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override ModelCodecs Codecs => NeuralCodecs.AddTo(ModelCodecs.Default);

    protected override IClassifierLearner CreateLearner(int seed) =>
        new NeuralClassifier(new NeuralOptions { Architecture = "mlp", Hidden = [16], Epochs = 40, BatchSize = 32, LearningRate = 3e-3f, Seed = seed });
}
