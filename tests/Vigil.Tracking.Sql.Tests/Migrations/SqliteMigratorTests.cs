using Microsoft.Data.Sqlite;
using Shouldly;
using Vigil.Testing;
using Vigil.Tracking.Sql.Migrations;
using Vigil.Tracking.Sql.Sqlite;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Migrations;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    private string DatabasePath => _directory.File("vigil.db");

    [Fact]
    public void LoadEmbedded_Always_StartsWithDatasetsAndHasNoGaps()
    {
        var migrations = SqliteMigration.LoadEmbedded();

        migrations[0].ShouldBe(migrations[0] with { Version = 1, Name = "datasets" });
        migrations.Select(m => m.Version).ShouldBe(Enumerable.Range(1, migrations.Count));
        migrations.ShouldAllBe(m => m.Sql.Length > 0);
    }

    [Fact]
    public void Open_FreshDatabase_AppliesAllMigrationsAndRecordsThem()
    {
        var expected = SqliteMigration.LoadEmbedded();

        using var database = SqliteDatabase.Open(DatabasePath, _time);

        database.AppliedOnOpen.ShouldBe(expected);
        Rows(database, "SELECT version || ':' || name || ':' || applied_at FROM schema_migrations ORDER BY version;")
            .ShouldBe(expected.Select(m => $"{m.Version}:{m.Name}:2026-01-01T00:00:00.000Z"));
    }

    [Fact]
    public void Open_AlreadyMigrated_AppliesNothing()
    {
        SqliteDatabase.Open(DatabasePath, _time).Dispose();

        using var again = SqliteDatabase.Open(DatabasePath, _time);

        again.AppliedOnOpen.ShouldBeEmpty();
        Rows(again, "SELECT COUNT(*) FROM schema_migrations;").ShouldBe([SqliteMigration.LoadEmbedded().Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public void Open_NewMigrationAdded_AppliesOnlyThePendingOne()
    {
        var first = Migration(1, "one", "CREATE TABLE one (id INTEGER);");
        SqliteDatabase.Open(DatabasePath, _time, [first]).Dispose();

        using var database = SqliteDatabase.Open(DatabasePath, _time, [first, Migration(2, "two", "CREATE TABLE two (id INTEGER);")]);

        database.AppliedOnOpen.Select(m => m.Version).ShouldBe([2]);
    }

    [Fact]
    public void Open_DatabaseFromNewerVersion_IsRefusedWithClearMessage()
    {
        using (var database = SqliteDatabase.Open(DatabasePath, _time))
        {
            Execute(database, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00.000Z');");
        }

        var error = Should.Throw<InvalidOperationException>(() => SqliteDatabase.Open(DatabasePath, _time));

        error.Message.ShouldContain("schema version 999");
        error.Message.ShouldContain($"only up to version {SqliteMigration.LoadEmbedded().Count}");
        error.Message.ShouldContain("upgrade Vigil");
    }

    [Fact]
    public void Open_FailingMigration_RollsBackEveryPendingMigration()
    {
        SqliteMigration[] migrations = [Migration(1, "good", "CREATE TABLE good (id INTEGER);"), Migration(2, "bad", "CREATE TABLE oops (;")];

        Should.Throw<SqliteException>(() => SqliteDatabase.Open(DatabasePath, _time, migrations));

        using var database = SqliteDatabase.Open(DatabasePath, _time, []);
        Rows(database, "SELECT name FROM sqlite_master WHERE name IN ('good', 'oops');").ShouldBeEmpty();
        Rows(database, "SELECT COUNT(*) FROM schema_migrations;").ShouldBe(["0"]);
    }

    [Fact]
    public async Task Open_ConcurrentlyOnFreshFile_AppliesEachMigrationOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => SqliteDatabase.Open(DatabasePath, _time), TestContext.Current.CancellationToken)));
        try
        {
            opened.Sum(d => d.AppliedOnOpen.Count).ShouldBe(SqliteMigration.LoadEmbedded().Count);
        }
        finally
        {
            foreach (var database in opened)
            {
                database.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("1_x.sql")]
    [InlineData("0001-x.sql")]
    [InlineData("0001_X.sql")]
    [InlineData("0001_x.txt")]
    public void Parse_BadFileName_Throws(string fileName) =>
        Should.Throw<InvalidOperationException>(() => SqliteMigration.Parse(fileName, "SELECT 1;")).Message.ShouldContain(fileName);

    [Fact]
    public void Sequence_GapOrDuplicate_Throws()
    {
        Should.Throw<InvalidOperationException>(() => SqliteMigration.Sequence([Migration(1, "a", ""), Migration(3, "c", "")]));
        Should.Throw<InvalidOperationException>(() => SqliteMigration.Sequence([Migration(1, "a", ""), Migration(1, "b", "")]));
    }

    public void Dispose() => _directory.Dispose();

    private static SqliteMigration Migration(int version, string name, string sql) => new(version, name, sql);

    private static void Execute(SqliteDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(SqliteDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        List<string> rows = [];
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
