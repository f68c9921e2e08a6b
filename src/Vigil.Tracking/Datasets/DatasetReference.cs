using System.Globalization;

namespace Vigil.Tracking.Datasets;

/// <summary>A parsed "name" or "name@version" reference to a dataset.</summary>
/// <param name="Name">The dataset name.</param>
/// <param name="Version">The version, or null for the latest.</param>
public sealed record DatasetReference(string Name, int? Version)
{
    /// <summary>Parses "name" or "name@N"; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static DatasetReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return new DatasetReference(ValidateName(text, text), null);
        }

        var name = ValidateName(text[..at], text);
        var versionText = text[(at + 1)..];
        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new FormatException($"Dataset reference '{text}': version '{versionText}' is not a positive integer.");
        }

        return new DatasetReference(name, version);
    }

    /// <summary>Whether <paramref name="name"/> is a valid dataset name: 1-128 letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string ValidateName(string name, string text) =>
        IsValidName(name)
            ? name
            : throw new FormatException($"Dataset reference '{text}': name '{name}' must be 1-128 letters, digits, '-', '_' or '.'.");

    /// <inheritdoc/>
    public override string ToString() => Version is null ? Name : $"{Name}@{Version}";
}
