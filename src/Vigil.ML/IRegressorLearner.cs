namespace Vigil.ML;

/// <summary>An untrained regression algorithm with fixed options; fitting never mutates it.</summary>
public interface IRegressorLearner
{
    /// <summary>A stable algorithm name recorded in model files.</summary>
    string Name { get; }

    /// <summary>The immutable options record the learner was built with.</summary>
    object Options { get; }

    /// <summary>Fits a new immutable, thread-safe model on <paramref name="data"/>.</summary>
    IRegressorModel Fit(RegressionSet data, CancellationToken cancellationToken = default);
}
