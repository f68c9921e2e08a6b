using Vigil.Data.Frames;
using Vigil.ML.Preprocessing;

namespace Vigil.Features.Pipeline;

/// <summary>The fitted steps of a <see cref="FeaturePipeline"/>; as an <see cref="IFittedFrameTransform"/> it travels inside model files.</summary>
public sealed class FittedFeaturePipeline : IFittedFrameTransform
{
    private readonly IFittedFeatureTransform[] _steps;

    /// <summary>Creates a fitted pipeline over the raw input schema it was fitted on.</summary>
    public FittedFeaturePipeline(FrameSchema inputSchema, IEnumerable<IFittedFeatureTransform> steps)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(steps);
        InputSchema = inputSchema;
        _steps = [.. steps];
    }

    /// <summary>The raw columns (and kinds) seen at fit time.</summary>
    public FrameSchema InputSchema { get; }

    /// <summary>The fitted steps in order.</summary>
    public IReadOnlyList<IFittedFeatureTransform> Steps => _steps;

    /// <summary>Runs every step in order.</summary>
    public DataFrame Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        foreach (var step in _steps)
        {
            frame = step.Transform(frame);
        }

        return frame;
    }

    /// <summary>One line per step, for <c>vigil features explain</c>.</summary>
    public IReadOnlyList<string> Describe() => [.. _steps.Select((s, i) => $"{i + 1}. {s.Describe()}")];
}
