using Vigil.Features;
using Vigil.Features.Pipeline;
using Vigil.Features.Spec;

namespace Vigil.Cli;

/// <summary>Resolves <c>--features auto|none|spec.yaml</c> to a feature pipeline.</summary>
public static class FeatureOption
{
    /// <summary>The pipeline of <c>--features auto</c>: discover interaction features on the training rows, then drop constant and near-duplicate columns.</summary>
    public const string AutoSpec = """
        version: 1
        steps:
          - synthesize
          - select
        """;

    /// <summary>The pipeline for the option's value, or null for "none".</summary>
    public static FeaturePipeline? Resolve(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        try
        {
            return value switch
            {
                "none" => null,
                "auto" => FeatureCatalog.Build(FeaturePipelineSpec.Parse(AutoSpec, "--features auto")),
                _ when File.Exists(value) => FeatureCatalog.Load(value),
                _ => throw new UserException($"--features {value}: expected auto, none, or a JSON/YAML pipeline spec file that exists."),
            };
        }
        catch (FeatureSpecException ex)
        {
            throw new UserException(ex.Message, ex);
        }
    }
}
