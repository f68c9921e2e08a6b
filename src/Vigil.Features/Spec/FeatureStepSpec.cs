namespace Vigil.Features.Spec;

/// <summary>One step of a spec: <c>{&lt;step name&gt;: {options}}</c>, located for error messages.</summary>
/// <param name="Index">The 1-based step number, as error messages show it.</param>
/// <param name="Name">The step name, e.g. "standard_scale".</param>
/// <param name="Line">The 1-based line of the step name.</param>
/// <param name="Column">The 1-based column of the step name.</param>
/// <param name="Options">The options mapping (empty when the step was written without options).</param>
public sealed record FeatureStepSpec(int Index, string Name, int Line, int Column, SpecMapping Options);
