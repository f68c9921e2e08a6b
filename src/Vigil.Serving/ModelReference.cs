using System.Globalization;

namespace Vigil.Serving;

/// <summary>
/// What a caller asks to serve: a registered model by alias (<c>pdm@champion</c>) or version (<c>pdm/3</c>, <c>pdm:3</c>),
/// a bare name (its <c>champion</c> alias), or a model file on disk (<c>file:path</c>, or any existing path ending in <c>.vigil</c>).
/// </summary>
/// <param name="Name">The registered model's name (for a file: the file name without extension).</param>
/// <param name="Alias">The alias to follow, or null.</param>
/// <param name="Version">The fixed version, or null.</param>
/// <param name="FilePath">The model file, for a file reference; null for registry references.</param>
public sealed record ModelReference(string Name, string? Alias, int? Version, string? FilePath = null)
{
    /// <summary>The alias a bare name follows.</summary>
    public const string DefaultAlias = "champion";

    /// <summary>True when the reference follows an alias (and so may move while served).</summary>
    public bool FollowsAlias => FilePath is null && Alias is not null;

    /// <summary>Parses <c>name</c>, <c>name@alias</c>, <c>name/version</c>, <c>name:version</c>, <c>file:path</c> or a path ending in <c>.vigil</c>.</summary>
    /// <exception cref="FormatException">The text names no model; the message says what is accepted.</exception>
    public static ModelReference Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("A model reference must not be empty; use name, name@alias, name/version or file:path.");
        }

        text = text.Trim();
        if (text.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = text["file:".Length..];
            return path.Length == 0
                ? throw new FormatException($"'{text}' names no file; use file:path/to/model.vigil.")
                : new ModelReference(Path.GetFileNameWithoutExtension(path), null, null, path);
        }

        if (text.EndsWith(".vigil", StringComparison.OrdinalIgnoreCase) || text.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(text))
        {
            return new ModelReference(Path.GetFileNameWithoutExtension(text), null, null, text);
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var name = text[..at];
            var alias = text[(at + 1)..];
            return name.Length == 0 || alias.Length == 0
                ? throw new FormatException($"'{text}' is not name@alias.")
                : new ModelReference(name, alias, null);
        }

        var sep = text.LastIndexOfAny(['/', ':']);
        if (sep >= 0)
        {
            var name = text[..sep];
            var version = text[(sep + 1)..];
            return name.Length == 0 || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1
                ? throw new FormatException($"'{text}' is not name/version with a positive version number.")
                : new ModelReference(name, null, v);
        }

        return new ModelReference(text, DefaultAlias, null);
    }

    /// <summary>The canonical text: <c>name@alias</c>, <c>name/version</c> or <c>file:path</c>.</summary>
    public override string ToString() =>
        FilePath is not null ? "file:" + FilePath
        : Alias is not null ? $"{Name}@{Alias}"
        : $"{Name}/{Version?.ToString(CultureInfo.InvariantCulture)}";
}
