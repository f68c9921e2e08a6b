using Vigil.Data.Frames;

namespace Vigil.Features.Pipeline;

/// <summary>An ordered list of unfitted transforms; fitting runs each on the output of the previous one, on training rows only.</summary>
public sealed class FeaturePipeline
{
    private readonly IFeatureTransform[] _steps;

    /// <summary>Creates a pipeline from steps in order.</summary>
    public FeaturePipeline(IEnumerable<IFeatureTransform> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
    }

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<IFeatureTransform> Steps => _steps;

    /// <summary>Fits every step in turn on the (transformed) training frame.</summary>
    public FittedFeaturePipeline Fit(DataFrame training, FeatureFitContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var fitted = new List<IFittedFeatureTransform>(_steps.Length);
        var frame = training;
        foreach (var step in _steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var f = step.Fit(frame, context);
            fitted.Add(f);
            frame = f.Transform(frame);
        }

        return new FittedFeaturePipeline(training.Schema, fitted);
    }
}
