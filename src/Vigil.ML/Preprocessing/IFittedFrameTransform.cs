using Vigil.Data.Frames;

namespace Vigil.ML.Preprocessing;

/// <summary>
/// A fitted, immutable, thread-safe transformation of raw frames applied before encoding — the fitted feature pipeline that
/// travels inside a model file so serving computes exactly what training computed. It never reads the target column.
/// Persisted through an <see cref="Persistence.IModelCodec"/> registered in the <see cref="Persistence.ModelCodecs"/> used to save and load.
/// </summary>
public interface IFittedFrameTransform
{
    /// <summary>The raw columns the transform needs.</summary>
    FrameSchema InputSchema { get; }

    /// <summary>The transformed frame: the input plus derived columns (some input columns may be dropped or replaced).</summary>
    DataFrame Transform(DataFrame frame);
}
