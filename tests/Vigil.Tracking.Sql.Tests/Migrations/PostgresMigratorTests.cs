using Npgsql;
using Shouldly;
using Vigil.Testing;
using Vigil.Testing.Postgres;
using Vigil.Tracking.Sql.Migrations;
using Vigil.Tracking.Sql.Postgres;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Migrations;

/// <summary>The PostgreSQL migration runner against a real server: one fresh database per test.</summary>
public sealed class PostgresMigratorTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private PostgresTestDatabase? _database;

    private string Uri => _database!.StoreUri;

    public async ValueTask InitializeAsync() => _database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    [Fact]
    public void Open_FreshDatabase_AppliesAllMigrationsAndRecordsThem()
    {
        var expected = PostgresMigration.LoadEmbedded();

        using var database = PostgresDatabase.Open(Uri, _time);

        database.AppliedOnOpen.ShouldBe(expected);
        Rows(database, "SELECT version || ':' || name || ':' || to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') FROM schema_migrations ORDER BY version;")
            .ShouldBe(expected.Select(m => $"{m.Version}:{m.Name}:2026-01-01T00:00:00.000"));
    }

    [Fact]
    public void Open_AlreadyMigrated_AppliesNothing()
    {
        PostgresDatabase.Open(Uri, _time).Dispose();

        using var database = PostgresDatabase.Open(Uri, _time);

        database.AppliedOnOpen.ShouldBeEmpty();
        Rows(database, "SELECT COUNT(*) FROM schema_migrations;").ShouldBe([PostgresMigration.LoadEmbedded().Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public void Open_NewMigrationAdded_AppliesOnlyThePendingOne()
    {
        var first = Migration(1, "one", "CREATE TABLE one (id integer);");
        PostgresDatabase.Open(Uri, _time, [first]).Dispose();

        using var database = PostgresDatabase.Open(Uri, _time, [first, Migration(2, "two", "CREATE TABLE two (id integer);")]);

        database.AppliedOnOpen.Select(m => m.Version).ShouldBe([2]);
    }

    [Fact]
    public void Open_DatabaseFromNewerVersion_IsRefusedWithClearMessage()
    {
        using (var database = PostgresDatabase.Open(Uri, _time))
        {
            Rows(database, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', now()) RETURNING version;");
        }

        var error = Should.Throw<InvalidOperationException>(() => PostgresDatabase.Open(Uri, _time));

        error.Message.ShouldContain("schema version 999");
        error.Message.ShouldContain($"only up to version {PostgresMigration.LoadEmbedded().Count}");
        error.Message.ShouldContain("upgrade Vigil");
    }

    [Fact]
    public void Open_FailingMigration_RollsBackEveryPendingMigration()
    {
        PostgresMigration[] migrations = [Migration(1, "good", "CREATE TABLE good (id integer);"), Migration(2, "bad", "CREATE TABLE oops (;")];

        var error = Should.Throw<InvalidOperationException>(() => PostgresDatabase.Open(Uri, _time, migrations));
        error.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.SyntaxError);

        using var database = PostgresDatabase.Open(Uri, _time, []);
        Rows(database, "SELECT tablename FROM pg_tables WHERE tablename IN ('good', 'oops');").ShouldBeEmpty();
        Rows(database, "SELECT COUNT(*) FROM schema_migrations;").ShouldBe(["0"]);
    }

    [Fact]
    public async Task Open_ConcurrentlyOnFreshDatabase_AppliesEachMigrationOnce()
    {
        // A slow last migration widens the window in which unserialized runners would collide on CREATE TABLE.
        var migrations = PostgresMigration.LoadEmbedded()
            .Append(Migration(PostgresMigration.LoadEmbedded().Count + 1, "slow", "CREATE TABLE slow (id integer); SELECT pg_sleep(0.2);"))
            .ToList();
        using var start = new Barrier(6);
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return PostgresDatabase.Open(Uri, _time, migrations);
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));
        try
        {
            opened.Sum(d => d.AppliedOnOpen.Count).ShouldBe(migrations.Count);
            opened.Count(d => d.AppliedOnOpen.Count > 0).ShouldBe(1);
            Rows(opened[0], "SELECT COUNT(*) FROM schema_migrations;").ShouldBe([migrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        finally
        {
            foreach (var database in opened)
            {
                database.Dispose();
            }
        }
    }

    [Fact]
    public async Task Open_WhileAnotherSessionHoldsTheMigrationLock_WaitsForIt()
    {
        using var holder = new NpgsqlConnection(_database!.ConnectionString);
        holder.Open();
        var transaction = holder.BeginTransaction();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresMigrator.LockKey});", holder, transaction))
        {
            take.ExecuteNonQuery();
        }

        var opening = Task.Run(() => PostgresDatabase.Open(Uri, _time), TestContext.Current.CancellationToken);
        WaitUntilBlockedOnAdvisoryLock(holder);
        opening.IsCompleted.ShouldBeFalse();

        transaction.Commit();
        using var database = await opening;
        database.AppliedOnOpen.Count.ShouldBe(PostgresMigration.LoadEmbedded().Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    // Polls pg_locks (bounded) until some other backend waits on the migration lock; fails if none ever does.
    private static void WaitUntilBlockedOnAdvisoryLock(NpgsqlConnection observer)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database());",
                observer);
            if ((long)waiting.ExecuteScalar()! > 0)
            {
                return;
            }

            using var pause = new NpgsqlCommand("SELECT pg_sleep(0.05);", observer);
            pause.ExecuteNonQuery();
        }

        throw new ShouldAssertException("No session ever waited on the migration advisory lock.");
    }

    private static PostgresMigration Migration(int version, string name, string sql) => new(version, name, sql);

    private static List<string> Rows(PostgresDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        List<string> rows = [];
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
