using System.Globalization;

namespace Vigil.Features.Spec;

/// <summary>Checks the top level of a spec (<c>version</c>, <c>steps</c>) and the shape of each step, collecting every located error.</summary>
internal static class SpecBinder
{
    private static readonly string[] TopLevelKeys = ["version", "steps"];

    public static FeaturePipelineSpec Bind(SpecNode? root, string source)
    {
        var errors = new List<FeatureSpecError>();
        void Error(SpecNode at, string message) => errors.Add(new FeatureSpecError(source, at.Line, at.Column, null, null, message));

        if (root is not SpecMapping top)
        {
            var at = root ?? new SpecScalar(1, 1, string.Empty, SpecScalarType.Null);
            throw new FeatureSpecException([new FeatureSpecError(source, at.Line, at.Column, null, null, $"the spec must be a mapping with 'version: {FeaturePipelineSpec.CurrentVersion}' and 'steps:', not {at.Describe()}")]);
        }

        CheckKeys(top, TopLevelKeys, "top-level key", Error);
        var version = 0;
        switch (top.Find("version"))
        {
            case null:
                Error(top, $"missing 'version: {FeaturePipelineSpec.CurrentVersion}'");
                break;
            case SpecScalar { Type: SpecScalarType.Number } v when int.TryParse(v.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out version) && version == FeaturePipelineSpec.CurrentVersion:
                break;
            case var v:
                Error(v, $"version must be {FeaturePipelineSpec.CurrentVersion}, not {v.Describe()}");
                break;
        }

        var steps = new List<FeatureStepSpec>();
        switch (top.Find("steps"))
        {
            case null:
                Error(top, "missing 'steps:', a list of {<step name>: {options}}");
                break;
            case SpecSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (BindStep(list.Items[i], i + 1, source, errors) is { } step)
                    {
                        steps.Add(step);
                    }
                }

                break;
            case var other:
                Error(other, $"steps must be a list of {{<step name>: {{options}}}}, not {other.Describe()}");
                break;
        }

        return errors.Count > 0 ? throw new FeatureSpecException(errors) : new FeaturePipelineSpec(source, version, steps);
    }

    /// <summary>Reports repeated keys and keys outside <paramref name="known"/> (when given).</summary>
    public static void CheckKeys(SpecMapping mapping, IReadOnlyCollection<string>? known, string what, Action<SpecNode, string> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in mapping.Entries)
        {
            if (!seen.Add(key.Text))
            {
                error(key, $"{what} '{key.Text}' appears more than once");
            }
            else if (known is not null && !known.Contains(key.Text))
            {
                error(key, $"unknown {what} '{key.Text}'{Suggestions.DidYouMean(key.Text, known)}; known: {string.Join(", ", known)}");
            }
        }
    }

    private static FeatureStepSpec? BindStep(SpecNode item, int index, string source, List<FeatureSpecError> errors)
    {
        void Error(SpecNode at, string? name, string message) => errors.Add(new FeatureSpecError(source, at.Line, at.Column, index, name ?? "?", message));

        switch (item)
        {
            case SpecScalar { Type: SpecScalarType.String } bare:
                return new FeatureStepSpec(index, bare.Text, bare.Line, bare.Column, new SpecMapping(bare.Line, bare.Column, []));
            case SpecMapping { Entries.Count: 1 } single:
                var (name, value) = single.Entries[0];
                switch (value)
                {
                    case SpecScalar { Type: SpecScalarType.Null }:
                        return new FeatureStepSpec(index, name.Text, name.Line, name.Column, new SpecMapping(value.Line, value.Column, []));
                    case SpecMapping options:
                        var before = errors.Count;
                        CheckKeys(options, null, "option", (at, m) => Error(at, name.Text, m));
                        return errors.Count > before ? null : new FeatureStepSpec(index, name.Text, name.Line, name.Column, options);
                    default:
                        Error(value, name.Text, $"options must be a mapping of option: value, not {value.Describe()}");
                        return null;
                }

            default:
                Error(item, null, $"a step must be written {{<step name>: {{options}}}} with exactly one step name, not {item.Describe()}{(item is SpecMapping m ? $" with {m.Entries.Count} keys" : string.Empty)}");
                return null;
        }
    }
}
