namespace Vigil.Data.Validation;

/// <summary>How serious a <see cref="ValidationIssue"/> is.</summary>
public enum IssueSeverity
{
    /// <summary>The data cannot be used as is (for example the declared target is absent).</summary>
    Error,

    /// <summary>The data can be used, but a person should look (for example a leaking column).</summary>
    Warning,

    /// <summary>A fact worth knowing that needs no action.</summary>
    Info,
}
