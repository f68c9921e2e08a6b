namespace Vigil.Data.Validation;

/// <summary>One finding of <see cref="DataValidator.Validate"/>.</summary>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Code">A stable code from <see cref="IssueCodes"/>.</param>
/// <param name="Column">The column concerned, or null for the whole frame.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="Count">The number of rows concerned, when it makes sense.</param>
public sealed record ValidationIssue(IssueSeverity Severity, string Code, string? Column, string Message, long? Count = null);
