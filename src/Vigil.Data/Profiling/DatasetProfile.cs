using System.Text.Json;
using Vigil.Data.Internal;

namespace Vigil.Data.Profiling;

/// <summary>The profile of a whole frame, produced by <see cref="DataProfiler.Profile"/>.</summary>
public sealed record DatasetProfile
{
    /// <summary>The version of the JSON format written by <see cref="ToJson"/>.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The version of the JSON format this profile was written in.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The number of rows.</summary>
    public required long RowCount { get; init; }

    /// <summary>The number of columns.</summary>
    public required int ColumnCount { get; init; }

    /// <summary>One profile per column, in frame order.</summary>
    public required IReadOnlyList<ColumnProfile> Columns { get; init; }

    /// <summary>The profile of the named column, or null.</summary>
    public ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The profile as indented snake_case JSON; statistics that are not finite are written as null.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    /// <summary>Reads a profile written by <see cref="ToJson"/>.</summary>
    public static DatasetProfile FromJson(string json)
    {
        var profile = JsonSerializer.Deserialize<DatasetProfile>(json, ReportJson.Options)
            ?? throw new JsonException("The JSON document is null, not a dataset profile.");
        return profile.FormatVersion is < 1 or > CurrentFormatVersion
            ? throw new JsonException($"Unsupported profile format version {profile.FormatVersion}; this build reads 1..{CurrentFormatVersion}.")
            : profile;
    }

    /// <summary>The profile as a readable fixed-width text table.</summary>
    public string ToText() => ProfileFormatter.Format(this);
}
