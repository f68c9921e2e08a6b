namespace Vigil.Features.Spec;

/// <summary>One located problem in a feature pipeline spec.</summary>
/// <param name="Source">The spec's file name (or "spec").</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="StepIndex">The 1-based step number, or null for problems outside the steps.</param>
/// <param name="StepName">The step's name, or null.</param>
/// <param name="Message">What is wrong.</param>
public sealed record FeatureSpecError(string Source, int Line, int Column, int? StepIndex, string? StepName, string Message)
{
    /// <summary>The error as one line, e.g. <c>features.yaml line 7: step 2 (rolling): unknown option 'windwos'</c>.</summary>
    public override string ToString() =>
        StepIndex is { } index
            ? $"{Source} line {Line}: step {index} ({StepName}): {Message}"
            : $"{Source} line {Line}: {Message}";
}
