namespace Vigil.Features.Selection;

/// <summary>Why <see cref="FeatureSelection"/> dropped a column.</summary>
public enum DropReason
{
    /// <summary>It has a single value (or only missing values) on the training rows.</summary>
    Constant,

    /// <summary>Its |Pearson correlation| with a kept column exceeds the threshold.</summary>
    NearDuplicate,

    /// <summary>It ranked below the top k.</summary>
    BelowTopK,
}
