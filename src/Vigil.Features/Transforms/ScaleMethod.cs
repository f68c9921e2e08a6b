namespace Vigil.Features.Transforms;

/// <summary>How a scaling step maps a column: x' = (x − offset) / scale.</summary>
public enum ScaleMethod
{
    /// <summary>Offset = training minimum, scale = training range (1 for a constant column): values of the training rows land in [0, 1].</summary>
    MinMax,

    /// <summary>Offset = training mean, scale = training population standard deviation (1 for a constant column).</summary>
    Standard,
}
