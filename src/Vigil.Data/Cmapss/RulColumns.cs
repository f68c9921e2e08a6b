namespace Vigil.Data.Cmapss;

/// <summary>The names of the group (unit), time (cycle) and RUL target columns of a per-cycle frame; validated at construction.</summary>
public sealed record RulColumns
{
    /// <summary>Creates the column names (defaults: C-MAPSS's <c>unit</c>, <c>cycle</c> and <c>rul</c>).</summary>
    public RulColumns(string group = "unit", string time = "cycle", string target = "rul")
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(group))
        {
            errors.Add("Group must name a column.");
        }

        if (string.IsNullOrWhiteSpace(time))
        {
            errors.Add("Time must name a column.");
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            errors.Add("Target must name a column.");
        }

        if (errors.Count == 0 && (group == time || group == target || time == target))
        {
            errors.Add($"Group '{group}', Time '{time}' and Target '{target}' must be three different columns.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }

        (Group, Time, Target) = (group, time, target);
    }

    /// <summary>The C-MAPSS names: unit, cycle, rul.</summary>
    public static RulColumns Cmapss { get; } = new();

    /// <summary>The column holding the unit (machine, engine) id; numeric.</summary>
    public string Group { get; }

    /// <summary>The column holding the time (cycle) of each row; numeric and increasing within a unit.</summary>
    public string Time { get; }

    /// <summary>The column holding the remaining useful life of each row, when labelled.</summary>
    public string Target { get; }
}
