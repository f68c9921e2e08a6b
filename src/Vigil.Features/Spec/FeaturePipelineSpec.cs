namespace Vigil.Features.Spec;

/// <summary>A declarative feature pipeline read from JSON or YAML: <c>version: 1</c> and <c>steps:</c>, a list of <c>{&lt;step name&gt;: {options}}</c>.</summary>
/// <param name="Source">The file name errors are reported against.</param>
/// <param name="Version">The spec format version (1).</param>
/// <param name="Steps">The steps in order.</param>
public sealed record FeaturePipelineSpec(string Source, int Version, IReadOnlyList<FeatureStepSpec> Steps)
{
    /// <summary>The spec format version this build reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Reads a spec file; JSON for <c>.json</c>, YAML for <c>.yaml</c>/<c>.yml</c>, otherwise judged by content. Errors name the file's name, not its directory.</summary>
    public static FeaturePipelineSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses spec text; throws <see cref="FeatureSpecException"/> listing every located problem.</summary>
    /// <param name="text">The JSON or YAML text.</param>
    /// <param name="source">The name used in errors; its extension (.json, .yaml, .yml) picks the format, otherwise the content does.</param>
    public static FeaturePipelineSpec Parse(string text, string source = "spec")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        text = text.TrimStart('\uFEFF');
        var root = IsJson(text, source) ? JsonSpecReader.Read(text, source) : YamlSpecReader.Read(text, source);
        return SpecBinder.Bind(root, source);
    }

    /// <summary>Whether <paramref name="text"/> is read as JSON: by extension, else when it starts with '{'.</summary>
    public static bool IsJson(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var extension = Path.GetExtension(source ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".json" => true,
            ".yaml" or ".yml" => false,
            _ => text.TrimStart().StartsWith('{'),
        };
    }
}
