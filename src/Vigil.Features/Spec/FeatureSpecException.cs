namespace Vigil.Features.Spec;

/// <summary>A feature pipeline spec is invalid; <see cref="Errors"/> lists every located problem found.</summary>
public sealed class FeatureSpecException : FormatException
{
    /// <summary>Creates an exception for one or more errors; the message has one line per error.</summary>
    public FeatureSpecException(IReadOnlyList<FeatureSpecError> errors, Exception? inner = null)
        : base(string.Join(Environment.NewLine, errors ?? []), inner) => Errors = errors ?? [];

    /// <summary>Every problem found, in spec order.</summary>
    public IReadOnlyList<FeatureSpecError> Errors { get; }
}
