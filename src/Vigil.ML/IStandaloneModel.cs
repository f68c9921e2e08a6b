namespace Vigil.ML;

/// <summary>
/// A trained model that a model file stores whole, through its own codec, rather than as a core model behind a
/// <see cref="Encoding.TabularEncoding"/> (for example a remaining-useful-life model over windows of a unit's cycles).
/// Its metadata (<see cref="Info"/>) travels in the file's JSON header; the codec writes everything else.
/// </summary>
public interface IStandaloneModel
{
    /// <summary>What the model predicts.</summary>
    ModelTask Task { get; }

    /// <summary>A short description of the kind of model for listings, e.g. "RUL".</summary>
    string Description { get; }

    /// <summary>Learner, options, metrics and lineage.</summary>
    ModelInfo Info { get; }

    /// <summary>A copy with other metadata.</summary>
    IStandaloneModel WithInfo(ModelInfo info);
}
