using Vigil.Data.Csv;
using Vigil.Data.Frames;

namespace Vigil.Data.Cleaning;

/// <summary>The outcome of cleaning a frame: the cleaned frame, what changed, and every row removed with its reason.</summary>
public sealed record CleaningResult
{
    /// <summary>The cleaned frame.</summary>
    public required DataFrame Frame { get; init; }

    /// <summary>The counts of every change, per rule and column.</summary>
    public required CleaningReport Report { get; init; }

    /// <summary>
    /// Every row removed, ordered by row: <see cref="QuarantinedRow.LineNumber"/> is the 1-based data row of the input
    /// frame (the header is not counted) and <see cref="QuarantinedRow.RawText"/> the row's input values as CSV.
    /// </summary>
    public required IReadOnlyList<QuarantinedRow> Quarantined { get; init; }

    /// <summary>The fitted statistics that produced this result, to apply the same cleaning to new frames.</summary>
    public required FittedCleaning Fitted { get; init; }
}
