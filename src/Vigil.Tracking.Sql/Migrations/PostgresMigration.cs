namespace Vigil.Tracking.Sql.Migrations;

/// <summary>One numbered PostgreSQL schema migration, loaded from an embedded <c>Migrations/Postgres/NNNN_name.sql</c> resource.</summary>
/// <param name="Version">The schema version this migration produces; versions run 1, 2, 3... without gaps.</param>
/// <param name="Name">The descriptive part of the file name.</param>
/// <param name="Sql">The statements; they run inside the runner's transaction (so no <c>CREATE INDEX CONCURRENTLY</c>).</param>
internal sealed record PostgresMigration(int Version, string Name, string Sql)
{
    /// <summary>The embedded folder name under <c>Migrations/</c>.</summary>
    public const string DialectFolder = "Postgres";

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<PostgresMigration> LoadEmbedded() =>
        MigrationFiles.LoadEmbedded(DialectFolder, Create, m => m.Version, m => m.Name);

    /// <summary>Builds a migration from a file name like <c>0001_datasets.sql</c>.</summary>
    public static PostgresMigration Parse(string fileName, string sql) => MigrationFiles.Parse(fileName, sql, Create);

    /// <summary>Sorts migrations and checks that versions run 1, 2, 3... without gaps or duplicates.</summary>
    public static IReadOnlyList<PostgresMigration> Sequence(IEnumerable<PostgresMigration> migrations) =>
        MigrationFiles.Sequence(migrations, m => m.Version, m => m.Name);

    private static PostgresMigration Create(int version, string name, string sql) => new(version, name, sql);
}
