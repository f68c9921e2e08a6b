using System.Globalization;

namespace Vigil.ML.Neural.Layers;

/// <summary>Parses layer settings (invariant culture) with errors that name the offending option.</summary>
internal static class SettingsReader
{
    public static void CheckKeys(IReadOnlyDictionary<string, string> settings, string kind, params ReadOnlySpan<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var key in settings.Keys)
        {
            var known = false;
            foreach (var a in allowed)
            {
                known |= string.Equals(a, key, StringComparison.Ordinal);
            }

            if (!known)
            {
                throw new ArgumentException($"Unknown {kind} setting '{key}' (expected one of: {string.Join(", ", allowed.ToArray())}).", nameof(settings));
            }
        }
    }

    public static int RequiredInt(IReadOnlyDictionary<string, string> settings, string kind, string key)
    {
        if (!settings.TryGetValue(key, out var text))
        {
            throw new ArgumentException($"The {kind} setting '{key}' is missing.", nameof(settings));
        }

        return ParseInt(kind, key, text);
    }

    public static int OptionalInt(IReadOnlyDictionary<string, string> settings, string kind, string key, int fallback) =>
        settings.TryGetValue(key, out var text) ? ParseInt(kind, key, text) : fallback;

    public static double RequiredDouble(IReadOnlyDictionary<string, string> settings, string kind, string key)
    {
        if (!settings.TryGetValue(key, out var text))
        {
            throw new ArgumentException($"The {kind} setting '{key}' is missing.", nameof(settings));
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"The {kind} setting '{key}' must be a number, got '{text}'.", nameof(settings));
        }

        return value;
    }

    public static string? OptionalString(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var text) ? text : null;

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int ParseInt(string kind, string key, string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"The {kind} setting '{key}' must be an integer, got '{text}'.", "settings");
        }

        return value;
    }
}
