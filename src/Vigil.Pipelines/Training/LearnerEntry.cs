using Vigil.ML;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training;

/// <summary>One trainable model family: its name, what it supports and how to build it from parameters and a seed.</summary>
/// <param name="Name">The name used by <c>--model</c>.</param>
/// <param name="Description">One line for help text.</param>
/// <param name="Classifier">Builds the classification learner, or null when unsupported.</param>
/// <param name="Regressor">Builds the regression learner, or null when unsupported.</param>
/// <param name="Space">The hyperparameters <c>--tune</c> searches, named as the <c>--param</c> keys, or null when not tunable.</param>
public sealed record LearnerEntry(
    string Name,
    string Description,
    Func<LearnerParameters, int, IClassifierLearner>? Classifier,
    Func<LearnerParameters, int, IRegressorLearner>? Regressor,
    SearchSpace? Space = null)
{
    /// <summary>Whether the family can learn the given task.</summary>
    public bool Supports(ModelTask task) => task == ModelTask.Classification ? Classifier is not null : Regressor is not null;
}
