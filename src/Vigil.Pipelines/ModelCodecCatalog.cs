using Vigil.Features;
using Vigil.ML.Persistence;

namespace Vigil.Pipelines;

/// <summary>The one place every model kind is registered for reading and writing model files (CLI, server, serving, pipelines).</summary>
public static class ModelCodecCatalog
{
    /// <summary>
    /// Every codec Vigil reads and writes: Vigil.ML's models (RUL models and window regressors included) plus the feature
    /// pipeline and the neural models (sequence window regressors for RUL included).
    /// </summary>
    public static ModelCodecs Default { get; } = Vigil.ML.Neural.Models.NeuralCodecs.AddTo(FeatureCatalog.ModelCodecs);
}
