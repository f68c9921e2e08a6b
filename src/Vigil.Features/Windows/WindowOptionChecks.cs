namespace Vigil.Features.Windows;

/// <summary>Validation shared by the window options records: each adds its problems to one list.</summary>
internal static class WindowOptionChecks
{
    /// <summary>The largest window, lag or difference period accepted.</summary>
    public const int MaxLength = 1_000_000;

    public static void Columns(List<string> errors, IReadOnlyList<string>? columns)
    {
        if (columns is null || columns.Count == 0)
        {
            errors.Add("Columns must name at least one numeric column.");
            return;
        }

        if (columns.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Columns must not contain blank names.");
        }

        var duplicates = columns.Where(c => c is not null).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors.Add($"Columns repeat: {string.Join(", ", duplicates)}.");
        }
    }

    public static void Lengths(List<string> errors, IReadOnlyList<int>? lengths, string name)
    {
        if (lengths is null || lengths.Count == 0)
        {
            errors.Add($"{name} must hold at least one value.");
            return;
        }

        var bad = lengths.Where(l => l is < 1 or > MaxLength).ToList();
        if (bad.Count > 0)
        {
            errors.Add($"{name} must be between 1 and {MaxLength}, not {string.Join(", ", bad)}.");
        }

        if (lengths.Distinct().Count() != lengths.Count)
        {
            errors.Add($"{name} must not repeat a value ({string.Join(", ", lengths)}).");
        }
    }

    public static void OptionalName(List<string> errors, string? name, string label)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{label} must be null (use the fit context's) or a column name, not blank.");
        }
    }

    public static void ThrowIfAny(IReadOnlyList<string> errors, string optionsName, string parameter)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {optionsName}: " + string.Join(" ", errors), parameter);
        }
    }
}
