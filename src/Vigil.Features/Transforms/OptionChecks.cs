namespace Vigil.Features.Transforms;

/// <summary>Shared option checks; every problem is collected and thrown together in one <see cref="ArgumentException"/>.</summary>
internal static class OptionChecks
{
    /// <summary>Adds an error for null, blank or repeated column names.</summary>
    public static void Columns(IReadOnlyList<string>? columns, List<string> errors)
    {
        if (columns is null)
        {
            errors.Add("Columns must not be null (empty means every column of a suitable kind).");
            return;
        }

        if (columns.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Columns must not contain blank names.");
        }

        var repeated = columns.Where(c => !string.IsNullOrWhiteSpace(c)).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (repeated.Count > 0)
        {
            errors.Add($"Columns repeat {string.Join(", ", repeated)}.");
        }
    }

    /// <summary>Adds an error for a blank output column name.</summary>
    public static void Name(string? value, string option, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{option} must be a non-blank column name.");
        }
    }

    /// <summary>Adds an error when an enum value is not a defined member.</summary>
    public static void Defined<T>(T value, string option, List<string> errors)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{option} {value} is not a valid {typeof(T).Name}.");
        }
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every error, if any.</summary>
    public static void ThrowIfAny(List<string> errors, string optionsType)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {optionsType}: {string.Join(" ", errors)}", "options");
        }
    }
}
