using Vigil.Features.Pipeline;
using Vigil.Features.Spec;
using Vigil.Features.Transforms;
using Vigil.Features.Selection;
using Vigil.Features.Synthesis;
using Vigil.Features.Windows;

namespace Vigil.Features;

/// <summary>
/// The one explicit table of feature steps: spec step name → transform factory, and fitted kind → reader.
/// Adding a step means adding one line to <see cref="Steps"/> and one to <see cref="StepCodecs"/>; no reflection.
/// </summary>
public static class FeatureCatalog
{
    /// <summary>Every spec step name with the factory that binds its options (see docs/features.md).</summary>
    private static readonly (string Name, Func<StepOptionReader, IFeatureTransform> Create)[] Steps =
    [
        ("min_max_scale", StepBinders.MinMaxScale),
        ("standard_scale", StepBinders.StandardScale),
        ("one_hot", StepBinders.OneHot),
        ("ordinal", StepBinders.Ordinal),
        ("datetime_parts", StepBinders.DateTimeParts),
        ("isolation_score", StepBinders.IsolationScore),
        ("kmeans", StepBinders.KMeans),
        ("rolling", WindowStepBinders.Rolling),
        ("lag", WindowStepBinders.Lag),
        ("diff", WindowStepBinders.Diff),
        ("cumulative", WindowStepBinders.Cumulative),
        ("synthesize", SynthesisStepBinders.Synthesize),
        ("select", SynthesisStepBinders.Select),
    ];

    /// <summary>The reader of every fitted step kind, for <see cref="FeaturePipelineCodec"/>.</summary>
    public static FeatureStepCodecs StepCodecs { get; } = new(
    [
        new(FittedScale.MinMaxKind, FittedScale.ReadMinMax),
        new(FittedScale.StandardKind, FittedScale.ReadStandard),
        new(FittedOneHot.KindName, FittedOneHot.Read),
        new(FittedOrdinal.KindName, FittedOrdinal.Read),
        new(FittedDateTimeParts.KindName, FittedDateTimeParts.Read),
        new(FittedIsolationScore.KindName, FittedIsolationScore.Read),
        new(FittedKMeansFeature.KindName, FittedKMeansFeature.Read),
        .. WindowSteps.Readers.Select(r => KeyValuePair.Create(r.Kind, r.Reader)),
        .. SynthesisSteps.Readers,
    ]);

    /// <summary>Vigil.ML's model codecs plus the feature pipeline codec: pass it to <c>ModelFile.Save</c> and <c>ModelFile.Load</c>.</summary>
    public static ML.Persistence.ModelCodecs ModelCodecs { get; } = ML.Persistence.ModelCodecs.Default.With(new FeaturePipelineCodec(StepCodecs));

    /// <summary>The known spec step names, in catalog order.</summary>
    public static IReadOnlyList<string> StepNames { get; } = [.. Steps.Select(s => s.Name)];

    /// <summary>Turns a spec into an unfitted pipeline; throws <see cref="FeatureSpecException"/> listing every unknown step, unknown option, wrong type and invalid value.</summary>
    public static FeaturePipeline Build(FeaturePipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FeatureSpecError>();
        var transforms = new List<IFeatureTransform>();
        foreach (var step in spec.Steps)
        {
            var create = Array.Find(Steps, s => s.Name == step.Name).Create;
            var options = new StepOptionReader(spec.Source, step, errors);
            if (create is null)
            {
                options.Error($"unknown step '{step.Name}'{Suggestions.DidYouMean(step.Name, StepNames)}; known steps: {string.Join(", ", StepNames)}");
                continue;
            }

            var before = errors.Count;
            try
            {
                var transform = create(options);
                options.Finish();
                if (errors.Count == before)
                {
                    transforms.Add(transform);
                }
            }
            catch (ArgumentException e)
            {
                options.Finish();
                options.Error(e.Message);
            }
        }

        return errors.Count > 0 ? throw new FeatureSpecException(errors) : new FeaturePipeline(transforms);
    }

    /// <summary>Reads a spec file (JSON or YAML) and builds its pipeline.</summary>
    public static FeaturePipeline Load(string path) => Build(FeaturePipelineSpec.Load(path));
}
