using Vigil.Data.Frames;
using Vigil.ML;

namespace Vigil.Serving;

/// <summary>Which model version a served model is.</summary>
/// <param name="Name">The registered model's name (for a file model, the file name without extension).</param>
/// <param name="Version">The registry version; 0 for a model loaded from a file.</param>
/// <param name="Source">Where it was loaded from: the version's source URI, or the file path.</param>
/// <param name="RunId">The run that produced it, when known.</param>
public sealed record ModelIdentity(string Name, int Version, string Source, string? RunId = null);

/// <summary>
/// The answer of one scoring call, one entry per output row. Tabular models answer one row per input record; RUL models
/// answer one row per unit (its latest window), in order of first appearance, with <see cref="Keys"/> naming the units.
/// </summary>
/// <param name="Rows">The number of output rows.</param>
/// <param name="Labels">Classification: the predicted label per row (binary: positive when its probability ≥ the model's threshold); otherwise null.</param>
/// <param name="Values">Regression (and RUL): the predicted value per row; otherwise null.</param>
/// <param name="Probabilities">Classification: row-major [rows, classes] probabilities; otherwise null.</param>
/// <param name="ClassNames">Classification: the class labels in probability order; otherwise null.</param>
/// <param name="Keys">RUL: the unit of each output row; otherwise null.</param>
public sealed record ScoreResult(
    int Rows,
    IReadOnlyList<string>? Labels,
    double[]? Values,
    double[]? Probabilities,
    IReadOnlyList<string>? ClassNames,
    IReadOnlyList<string>? Keys = null);

/// <summary>
/// A loaded, warmed model version ready to score validated records. Implementations are immutable and thread-safe:
/// many requests score concurrently on one instance, and a hot swap simply stops handing the old instance out.
/// </summary>
public interface IServedModel
{
    /// <summary>Which version this is.</summary>
    ModelIdentity Identity { get; }

    /// <summary>Classification or regression.</summary>
    ModelTask Task { get; }

    /// <summary>What kind of model: "classifier", "regressor", "rul".</summary>
    string Kind { get; }

    /// <summary>The raw input fields a record must carry, in order, with their kinds (and categories).</summary>
    FrameSchema InputSchema { get; }

    /// <summary>Scores a frame whose columns match <see cref="InputSchema"/> (already validated).</summary>
    ScoreResult Score(DataFrame records, CancellationToken cancellationToken = default);
}
