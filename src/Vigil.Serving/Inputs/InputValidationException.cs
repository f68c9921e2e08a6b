namespace Vigil.Serving.Inputs;

/// <summary>
/// A request body that cannot be scored: malformed JSON, a shape the format does not allow, or records that do not fit
/// the model's input schema. Carries every problem found (up to <see cref="ServingLimits.MaxErrors"/>) and the HTTP status
/// to answer with: 400, or 413 when the body or the batch is too large.
/// </summary>
public sealed class InputValidationException : Exception
{
    /// <summary>Creates the exception from the problems found and the HTTP status to answer with.</summary>
    public InputValidationException(IReadOnlyList<InputError> errors, int statusCode = 400)
        : base(Summarize(errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An input validation failure needs at least one error.", nameof(errors));
        }

        if (statusCode is < 400 or > 499)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An input validation failure answers with a 4xx status.");
        }

        Errors = [.. errors];
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception from one problem.</summary>
    public InputValidationException(InputError error, int statusCode = 400)
        : this([error ?? throw new ArgumentNullException(nameof(error))], statusCode)
    {
    }

    /// <summary>Creates a 400 with one general message (for serializers and tooling; prefer the error-list constructor).</summary>
    public InputValidationException()
        : this(new InputError(null, null, "The request body is not valid input."))
    {
    }

    /// <summary>Creates a 400 with one general message.</summary>
    public InputValidationException(string message)
        : this(new InputError(null, null, message))
    {
    }

    /// <summary>Creates a 400 with one general message and the exception that caused it.</summary>
    public InputValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new InputError(null, null, message)];
        StatusCode = 400;
    }

    /// <summary>The problems found, in the order found.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>The HTTP status to answer with: 400 (bad request) or 413 (payload too large).</summary>
    public int StatusCode { get; }

    private static string Summarize(IReadOnlyList<InputError>? errors) =>
        errors is null || errors.Count == 0 ? "Invalid input."
        : errors.Count == 1 ? errors[0].Message
        : $"{errors.Count} input errors: {string.Join("; ", errors.Select(e => e.Message))}";
}
