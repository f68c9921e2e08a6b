using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Tracking.Sql.Migrations;

/// <summary>Loads numbered <c>NNNN_lower_snake_name.sql</c> migrations embedded under one dialect's folder and checks their numbering.</summary>
internal static partial class MigrationFiles
{
    /// <summary>The embedded migrations under <c>Migrations/<paramref name="dialectFolder"/>/</c>, in version order, gap-checked.</summary>
    public static IReadOnlyList<T> LoadEmbedded<T>(string dialectFolder, Func<int, string, string, T> create, Func<T, int> versionOf, Func<T, string> nameOf)
    {
        var prefix = $"Migrations/{dialectFolder}/";
        var assembly = typeof(MigrationFiles).Assembly;
        List<T> migrations = [];
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(Parse(resource[prefix.Length..], reader.ReadToEnd(), create));
        }

        return Sequence(migrations, versionOf, nameOf);
    }

    /// <summary>Builds a migration from a file name like <c>0001_datasets.sql</c>.</summary>
    public static T Parse<T>(string fileName, string sql, Func<int, string, string, T> create)
    {
        var match = FileNamePattern().Match(fileName);
        return match.Success
            ? create(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, sql)
            : throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_lower_snake_name.sql.");
    }

    /// <summary>Sorts migrations and checks that versions run 1, 2, 3... without gaps or duplicates.</summary>
    public static IReadOnlyList<T> Sequence<T>(IEnumerable<T> migrations, Func<T, int> versionOf, Func<T, string> nameOf)
    {
        var sorted = migrations.OrderBy(versionOf).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (versionOf(sorted[i]) != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1..N without gaps or duplicates; expected {i + 1}, found {versionOf(sorted[i])} ({nameOf(sorted[i])}).");
            }
        }

        return sorted;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
