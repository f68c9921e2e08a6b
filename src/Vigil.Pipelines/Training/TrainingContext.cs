using Vigil.ML.Encoding;

namespace Vigil.Pipelines.Training;

/// <summary>What the classification and regression paths of a training job share.</summary>
internal sealed record TrainingContext(
    LearnerCatalog Catalog,
    LearnerEntry Entry,
    TrainingRequest Request,
    TabularEncoderOptions Encoder,
    IReadOnlyDictionary<string, string> Excluded,
    TimeProvider Time);
