using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Tracking.Sql.Migrations;

/// <summary>One numbered schema migration, loaded from an embedded <c>Migrations/Sqlite/NNNN_name.sql</c> resource.</summary>
/// <param name="Version">The schema version this migration produces; versions run 1, 2, 3... without gaps.</param>
/// <param name="Name">The descriptive part of the file name.</param>
/// <param name="Sql">The statements; they run inside the runner's transaction.</param>
internal sealed partial record SqliteMigration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Migrations/Sqlite/";

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<SqliteMigration> LoadEmbedded()
    {
        var assembly = typeof(SqliteMigration).Assembly;
        List<SqliteMigration> migrations = [];
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(Parse(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return Sequence(migrations);
    }

    /// <summary>Builds a migration from a file name like <c>0001_datasets.sql</c>.</summary>
    public static SqliteMigration Parse(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        return match.Success
            ? new SqliteMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, sql)
            : throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_lower_snake_name.sql.");
    }

    /// <summary>Sorts migrations and checks that versions run 1, 2, 3... without gaps or duplicates.</summary>
    public static IReadOnlyList<SqliteMigration> Sequence(IEnumerable<SqliteMigration> migrations)
    {
        var sorted = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1..N without gaps or duplicates; expected {i + 1}, found {sorted[i].Version} ({sorted[i].Name}).");
            }
        }

        return sorted;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
