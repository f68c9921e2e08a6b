namespace Vigil.ML;

/// <summary>An untrained classification algorithm with fixed options; fitting never mutates it.</summary>
public interface IClassifierLearner
{
    /// <summary>A stable algorithm name recorded in model files, e.g. "DecisionTree".</summary>
    string Name { get; }

    /// <summary>The immutable options record the learner was built with (serialized into model metadata).</summary>
    object Options { get; }

    /// <summary>Fits a new immutable, thread-safe model on <paramref name="data"/>.</summary>
    IClassifierModel Fit(ClassificationSet data, CancellationToken cancellationToken = default);
}
