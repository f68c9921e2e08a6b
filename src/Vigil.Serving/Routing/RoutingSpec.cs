using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Serving.Routing;

/// <summary>How requests for one model are split between its primary and secondary versions.</summary>
public enum RoutingMode
{
    /// <summary>Every request goes to the primary.</summary>
    None,

    /// <summary><see cref="RoutingSpec.Percent"/> of requests go to the secondary (the canary), the rest to the primary.</summary>
    Canary,

    /// <summary>The primary answers; <see cref="RoutingSpec.Percent"/> of requests (default all) are mirrored to the secondary and recorded, not answered.</summary>
    Shadow,

    /// <summary>A sticky split by request key: <see cref="RoutingSpec.Percent"/> of keys go to variant b (the secondary), the rest to variant a (the primary).</summary>
    AB,
}

/// <summary>
/// The routing of one registered model, stored in its <c>vigil.routing</c> tag (see <see cref="RoutingStore"/>). Targets are
/// aliases (<c>champion</c>, <c>challenger</c>) or version numbers (<c>7</c>). Immutable and validated at construction:
/// <see cref="RoutingMode.None"/> takes no secondary and no percent; the other modes need a secondary different from the
/// primary; percent is 0–100 (canary and A/B: the secondary's share; shadow: the mirrored share, default 100).
/// </summary>
public sealed record RoutingSpec
{
    /// <summary>Routes everything to the primary (the served reference's alias or version).</summary>
    public static RoutingSpec None { get; } = new(RoutingMode.None);

    /// <summary>Creates and validates a routing spec.</summary>
    /// <param name="mode">How to split.</param>
    /// <param name="secondary">The second target (alias or version); required unless <paramref name="mode"/> is None.</param>
    /// <param name="percent">The secondary's share (canary, A/B) or the mirrored share (shadow, default 100), 0–100; must be 0 for None.</param>
    /// <param name="primary">The primary target (alias or version); null = the served reference's own alias or version.</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    public RoutingSpec(RoutingMode mode, string? secondary = null, double? percent = null, string? primary = null)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentException($"Routing mode {(int)mode} is not one of none, canary, shadow, ab.", nameof(mode));
        }

        primary = string.IsNullOrWhiteSpace(primary) ? null : primary.Trim();
        secondary = string.IsNullOrWhiteSpace(secondary) ? null : secondary.Trim();
        if (primary is not null)
        {
            ValidateTarget(primary, nameof(primary));
        }

        var share = percent ?? (mode == RoutingMode.Shadow ? 100 : mode == RoutingMode.AB ? 50 : 0);
        if (mode == RoutingMode.None)
        {
            if (secondary is not null)
            {
                throw new ArgumentException($"Routing mode none takes no secondary (got '{secondary}').", nameof(secondary));
            }

            if (share != 0)
            {
                throw new ArgumentException($"Routing mode none takes no percent (got {share.ToString(CultureInfo.InvariantCulture)}).", nameof(percent));
            }
        }
        else
        {
            if (secondary is null)
            {
                throw new ArgumentException($"Routing mode {ModeName(mode)} needs a secondary alias or version (e.g. challenger).", nameof(secondary));
            }

            ValidateTarget(secondary, nameof(secondary));
            if (string.Equals(primary, secondary, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The secondary '{secondary}' must differ from the primary.", nameof(secondary));
            }

            if (!double.IsFinite(share) || share < 0 || share > 100)
            {
                throw new ArgumentException($"Routing percent must be between 0 and 100 (got {share.ToString(CultureInfo.InvariantCulture)}).", nameof(percent));
            }
        }

        Mode = mode;
        Primary = primary;
        Secondary = secondary;
        Percent = share;
    }

    /// <summary>How requests are split.</summary>
    public RoutingMode Mode { get; }

    /// <summary>The primary target (alias or version text), or null for the served reference's own alias or version.</summary>
    public string? Primary { get; }

    /// <summary>The secondary target (alias or version text); null for <see cref="RoutingMode.None"/>.</summary>
    public string? Secondary { get; }

    /// <summary>Canary and A/B: the share of requests (or keys) sent to the secondary; shadow: the share mirrored; 0–100.</summary>
    public double Percent { get; }

    /// <summary>A canary: <paramref name="percent"/> of requests to <paramref name="secondary"/>.</summary>
    public static RoutingSpec Canary(string secondary, double percent) => new(RoutingMode.Canary, secondary, percent);

    /// <summary>A shadow: answer with the primary, mirror <paramref name="percent"/> of requests (default all) to <paramref name="secondary"/>.</summary>
    public static RoutingSpec Shadow(string secondary, double percent = 100) => new(RoutingMode.Shadow, secondary, percent);

    /// <summary>A sticky A/B split: <paramref name="percent"/> of request keys to <paramref name="secondary"/> (variant b).</summary>
    public static RoutingSpec AB(string secondary, double percent = 50) => new(RoutingMode.AB, secondary, percent);

    /// <summary>The lowercase mode name used by the CLI and the tag: none, canary, shadow, ab.</summary>
    public static string ModeName(RoutingMode mode) => mode switch
    {
        RoutingMode.None => "none",
        RoutingMode.Canary => "canary",
        RoutingMode.Shadow => "shadow",
        RoutingMode.AB => "ab",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown routing mode."),
    };

    /// <summary>Parses a mode name (none, canary, shadow, ab; also clear for none), case-insensitively.</summary>
    /// <exception cref="FormatException">The name is not a mode.</exception>
    public static RoutingMode ParseMode(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "none" or "clear" or "off" => RoutingMode.None,
        "canary" => RoutingMode.Canary,
        "shadow" => RoutingMode.Shadow,
        "ab" or "a/b" or "a-b" => RoutingMode.AB,
        _ => throw new FormatException($"'{text}' is not a routing mode; use canary, shadow, ab or clear."),
    };

    /// <summary>
    /// Parses the CLI syntax: <c>--canary challenger:10</c>, <c>--shadow challenger</c> (or <c>challenger:25</c> to mirror a quarter),
    /// <c>--ab challenger:50</c>, <c>--clear</c>, each optionally followed by <c>--primary &lt;alias or version&gt;</c>. Leading
    /// dashes are optional and <c>--canary=challenger:10</c> works too.
    /// </summary>
    /// <exception cref="FormatException">The text is not a routing option; the message shows the accepted forms.</exception>
    public static RoutingSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length == 0)
        {
            throw new FormatException("A routing option must not be empty; use --canary alias:percent, --shadow alias, --ab alias:percent or --clear.");
        }

        string? primary = null;
        var rest = tokens.ToList();
        var primaryAt = rest.FindIndex(t => t.TrimStart('-').Equals("primary", StringComparison.OrdinalIgnoreCase));
        if (primaryAt >= 0)
        {
            if (primaryAt + 1 >= rest.Count)
            {
                throw new FormatException("--primary needs an alias or version.");
            }

            primary = rest[primaryAt + 1];
            rest.RemoveRange(primaryAt, 2);
        }

        return rest.Count switch
        {
            1 => Parse(rest[0], null, primary),
            2 => Parse(rest[0], rest[1], primary),
            _ => throw new FormatException($"'{text}' is not one routing option; use --canary alias:percent, --shadow alias, --ab alias:percent or --clear."),
        };
    }

    /// <summary>Parses one CLI option and its argument: (<c>--canary</c>, <c>challenger:10</c>), (<c>--clear</c>, null), ...</summary>
    /// <exception cref="FormatException">The option or argument is malformed.</exception>
    public static RoutingSpec Parse(string option, string? argument, string? primary = null)
    {
        ArgumentNullException.ThrowIfNull(option);
        var mode = ParseMode(option.TrimStart('-'));
        if (mode == RoutingMode.None)
        {
            return string.IsNullOrWhiteSpace(argument)
                ? Create(mode, null, null, primary, option)
                : throw new FormatException($"--clear takes no argument (got '{argument}').");
        }

        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new FormatException($"--{ModeName(mode)} needs a target: --{ModeName(mode)} challenger{(mode == RoutingMode.Shadow ? string.Empty : ":10")}.");
        }

        var colon = argument.LastIndexOf(':');
        string target = argument;
        double? percent = null;
        if (colon >= 0)
        {
            target = argument[..colon];
            var number = argument[(colon + 1)..].TrimEnd('%');
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
            {
                throw new FormatException($"'{argument}' is not alias:percent (the percent '{number}' is not a number).");
            }

            percent = p;
        }
        else if (mode == RoutingMode.Canary)
        {
            throw new FormatException($"--canary needs a percent: --canary {argument}:10.");
        }

        return Create(mode, target, percent, primary, argument);
    }

    /// <summary>The CLI form: <c>--canary challenger:10</c>, <c>--shadow challenger</c>, <c>--ab challenger:50</c>, <c>--clear</c> (plus <c>--primary x</c> when set).</summary>
    public override string ToString()
    {
        var text = new StringBuilder("--").Append(Mode == RoutingMode.None ? "clear" : ModeName(Mode));
        if (Mode != RoutingMode.None)
        {
            text.Append(' ').Append(Secondary);
            if (Mode != RoutingMode.Shadow || Percent != 100)
            {
                text.Append(':').Append(Percent.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        if (Primary is not null)
        {
            text.Append(" --primary ").Append(Primary);
        }

        return text.ToString();
    }

    /// <summary>The tag form: snake_case JSON, e.g. <c>{"mode":"canary","secondary":"challenger","percent":10}</c> (<c>primary</c> when set).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("mode", ModeName(Mode));
            if (Primary is not null)
            {
                writer.WriteString("primary", Primary);
            }

            if (Secondary is not null)
            {
                writer.WriteString("secondary", Secondary);
            }

            writer.WriteNumber("percent", Percent);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads the tag form written by <see cref="ToJson"/>; unknown fields are ignored.</summary>
    /// <exception cref="FormatException">The JSON is malformed or its values are invalid; the message says which.</exception>
    public static RoutingSpec FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The routing spec must be a JSON object.");
            }

            var mode = root.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String
                ? ParseMode(m.GetString()!)
                : throw new FormatException("The routing spec has no \"mode\" string.");
            var primary = OptionalString(root, "primary");
            var secondary = OptionalString(root, "secondary");
            double? percent = root.TryGetProperty("percent", out var p) && p.ValueKind != JsonValueKind.Null
                ? p.ValueKind == JsonValueKind.Number ? p.GetDouble() : throw new FormatException("The routing spec's \"percent\" must be a number.")
                : null;
            return Create(mode, secondary, percent, primary, json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The routing spec is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Parses a target: a positive integer is a version, anything else an alias.</summary>
    public static ModelReference TargetReference(string name, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? new ModelReference(name, null, version)
            : new ModelReference(name, target, null);
    }

    private static RoutingSpec Create(RoutingMode mode, string? secondary, double? percent, string? primary, string source)
    {
        try
        {
            return new RoutingSpec(mode, secondary, percent, primary);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Invalid routing '{source}': {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    private static string? OptionalString(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : throw new FormatException($"The routing spec's \"{name}\" must be a string.");

    private static void ValidateTarget(string target, string parameter)
    {
        if (target.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '@' or '/' or ':'))
        {
            throw new ArgumentException($"Routing target '{target}' must be an alias or a version number (no spaces, '@', '/' or ':').", parameter);
        }

        if (target.All(char.IsAsciiDigit) && (!int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1))
        {
            throw new ArgumentException($"Routing target '{target}' is not a positive version number.", parameter);
        }
    }
}
