namespace Vigil.Serving.Inputs;

/// <summary>One problem with a request body: where it is and what is wrong.</summary>
/// <param name="Field">The input field (column) concerned, or null when the problem is not about one field (for example malformed JSON).</param>
/// <param name="Row">The zero-based record (row) index concerned, or null when the problem is not about one record.</param>
/// <param name="Message">A complete, human-readable message naming the location, e.g. <c>records[3]."Torque [Nm]": expected a number, got a string</c>.</param>
public sealed record InputError(string? Field, int? Row, string Message);
