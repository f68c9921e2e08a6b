namespace Vigil.Features.Transforms;

/// <summary>Immutable options of <c>datetime_parts</c>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record DateTimePartsOptions
{
    /// <summary>Every part, in output order.</summary>
    public static IReadOnlyList<DateTimePart> AllParts { get; } =
        [DateTimePart.Year, DateTimePart.Month, DateTimePart.Day, DateTimePart.Weekday, DateTimePart.Hour, DateTimePart.DayOfYear];

    /// <summary>The timestamp columns; empty (default) means every timestamp column except the target.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The parts to extract as <c>&lt;col&gt;_&lt;part&gt;</c>; default all six.</summary>
    public IReadOnlyList<DateTimePart> Parts { get; init; } = AllParts;

    /// <summary>Whether every periodic part also gets <c>_sin</c> and <c>_cos</c> columns on the unit circle (default false).</summary>
    public bool Cyclic { get; init; }

    /// <summary>Whether the timestamp column is removed after extraction (default false).</summary>
    public bool DropInput { get; init; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Columns(Columns, errors);
        if (Parts is null || Parts.Count == 0)
        {
            errors.Add("Parts must name at least one part.");
        }
        else
        {
            foreach (var p in Parts)
            {
                OptionChecks.Defined(p, nameof(Parts), errors);
            }

            if (Parts.Distinct().Count() != Parts.Count)
            {
                errors.Add("Parts must not repeat.");
            }
        }

        return errors;
    }
}
