using Vigil.ML.Encoding;
using Vigil.ML.Preprocessing;

namespace Vigil.ML;

/// <summary>A trained model bundled with the encoding of its raw input columns: what model files store and serving loads.</summary>
public interface ITabularModel
{
    /// <summary>Classification or regression.</summary>
    ModelTask Task { get; }

    /// <summary>The fitted encoding from raw columns to features.</summary>
    TabularEncoding Encoding { get; }

    /// <summary>The target column's name.</summary>
    string TargetName { get; }

    /// <summary>The trained core model (an <see cref="IClassifierModel"/> or <see cref="IRegressorModel"/>).</summary>
    object CoreModel { get; }

    /// <summary>Learner, options, metrics and lineage.</summary>
    ModelInfo Info { get; }

    /// <summary>The fitted feature pipeline run on raw frames before encoding, or null.</summary>
    IFittedFrameTransform? Preprocessor { get; }
}
