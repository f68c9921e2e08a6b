using Shouldly;
using Vigil.Testing;
using Vigil.Testing.Postgres;
using Xunit;

namespace Vigil.Tracking.Sql.Tests;

public sealed class VigilStoreTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Open_DefaultUri_CreatesDataDirectoryDatabaseAndContentFolder()
    {
        var dataDirectory = Path.Combine(_directory.Path, "data");

        await using var store = VigilStore.Open(dataDirectory, time: new FakeTimeProvider());

        store.DataDirectory.ShouldBe(dataDirectory);
        store.StoreUri.ShouldBe(VigilStore.DefaultStoreUri(dataDirectory));
        store.StoreUri.ShouldBe("sqlite:///" + Path.Combine(dataDirectory, "vigil.db"));
        File.Exists(Path.Combine(dataDirectory, "vigil.db")).ShouldBeTrue();
        Directory.Exists(Path.Combine(dataDirectory, "content")).ShouldBeTrue();
    }

    [Fact]
    public async Task Open_TrackingRegistryAndArtifacts_AreWiredToTheDataDirectory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = VigilStore.Open(_directory.Path, time: new FakeTimeProvider());

        var experiment = await store.Tracking.CreateExperimentAsync("e", cancellationToken: ct);
        var run = await store.Tracking.CreateRunAsync(new Runs.NewRun(experiment), ct);
        var path = Artifacts.ArtifactPath.ForRun(experiment, run.Info.RunId, "model.bin");
        await store.Artifacts.PutAsync(path, new MemoryStream([1, 2]), ct);
        await store.Registry.CreateRegisteredModelAsync("m", cancellationToken: ct);

        run.Info.ArtifactUri.ShouldBe($"mlflow-artifacts:/{experiment}/{run.Info.RunId}/artifacts");
        File.Exists(Path.Combine(_directory.Path, "artifacts", experiment, run.Info.RunId, "artifacts", "model.bin")).ShouldBeTrue();
        (await store.Registry.GetRegisteredModelAsync("m", ct)).Name.ShouldBe("m");
    }

    [Fact]
    public async Task Open_CustomArtifactRoot_PrefixesNewExperiments()
    {
        await using var store = VigilStore.Open(_directory.Path, time: new FakeTimeProvider(), defaultArtifactRoot: "file:///srv/artifacts/");

        var id = await store.Tracking.CreateExperimentAsync("e", cancellationToken: TestContext.Current.CancellationToken);

        (await store.Tracking.GetExperimentAsync(id, TestContext.Current.CancellationToken)).ArtifactLocation.ShouldBe($"file:///srv/artifacts/{id}");
    }

    [Fact]
    public async Task RegistryAudit_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        await using (var store = VigilStore.Open(_directory.Path, time: new FakeTimeProvider()))
        {
            await store.Registry.CreateRegisteredModelAsync("m", cancellationToken: TestContext.Current.CancellationToken);
        }

        using var database = Vigil.Tracking.Sql.Sqlite.SqliteDatabase.Open(_directory.File("vigil.db"), new FakeTimeProvider());
        using var connection = database.OpenConnection();
        foreach (var sql in new[] { "UPDATE registry_audit SET actor = 'mallory';", "DELETE FROM registry_audit;" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Should.Throw<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQuery()).Message.ShouldContain("append-only");
        }
    }

    [Fact]
    public async Task RegistryAudit_UpdateDeleteOrTruncateOnPostgres_IsRefusedByTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(ct);
        await using (var store = VigilStore.Open(_directory.Path, database.StoreUri, new FakeTimeProvider()))
        {
            await store.Registry.CreateRegisteredModelAsync("m", cancellationToken: ct);
        }

        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in new[] { "UPDATE registry_audit SET actor = 'mallory';", "DELETE FROM registry_audit;", "TRUNCATE registry_audit;" })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            (await Should.ThrowAsync<Npgsql.PostgresException>(() => command.ExecuteNonQueryAsync(ct))).MessageText.ShouldContain("append-only");
        }

        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM registry_audit WHERE actor <> 'mallory';", connection);
        ((long)(await count.ExecuteScalarAsync(ct))!).ShouldBe(1);
    }

    [Fact]
    public async Task Open_PostgresUri_TrackingAndRegistryOnServer_ArtifactsInDataDirectory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(ct);
        var dataDirectory = Path.Combine(_directory.Path, "data");

        await using (var store = VigilStore.Open(dataDirectory, database.StoreUri, new FakeTimeProvider()))
        {
            var run = await store.Tracking.CreateRunAsync(new Runs.NewRun("0", RunName: "pg"), ct);
            await store.Artifacts.PutAsync(Artifacts.ArtifactPath.ForRun("0", run.Info.RunId, "model.bin"), new MemoryStream([1]), ct);
            await store.Registry.CreateRegisteredModelAsync("m", cancellationToken: ct);
        }

        await using var reopened = VigilStore.Open(dataDirectory, database.StoreUri, new FakeTimeProvider());
        var runs = await reopened.Tracking.SearchRunsAsync(new Runs.RunSearch(["0"]), ct);
        runs.Items.Single().Info.RunName.ShouldBe("pg");
        (await reopened.Registry.GetRegisteredModelAsync("m", ct)).Name.ShouldBe("m");
        File.Exists(Path.Combine(dataDirectory, "artifacts", "0", runs.Items[0].Info.RunId, "artifacts", "model.bin")).ShouldBeTrue();
        File.Exists(Path.Combine(dataDirectory, "vigil.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Open_PlainFilePath_UsesThatFile()
    {
        var databasePath = _directory.File("elsewhere.db");

        await using var store = VigilStore.Open(_directory.Path, databasePath);
        await store.Datasets.RegisterAsync(Contracts.DatasetSamples.New("iris", "x"), TestContext.Current.CancellationToken);

        File.Exists(databasePath).ShouldBeTrue();
        File.Exists(_directory.File("vigil.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Content_PutThroughStore_LandsUnderContentFolder()
    {
        await using var store = VigilStore.Open(_directory.Path);

        var key = await store.Content.PutAsync(new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken);

        store.Content.GetPath(key).ShouldStartWith(Path.Combine(_directory.Path, "content") + Path.DirectorySeparatorChar);
    }

    [Fact]
    public async Task Open_PostgresUri_StoresDatasetsOnServerAndContentInDataDirectory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(ct);
        var dataDirectory = Path.Combine(_directory.Path, "data");

        await using (var store = VigilStore.Open(dataDirectory, database.StoreUri, new FakeTimeProvider()))
        {
            store.StoreUri.ShouldBe(database.StoreUri);
            await store.Datasets.RegisterAsync(Contracts.DatasetSamples.New("iris", "x"), ct);
            var key = await store.Content.PutAsync(new MemoryStream([1, 2, 3]), ct);
            store.Content.GetPath(key).ShouldStartWith(Path.Combine(dataDirectory, "content") + Path.DirectorySeparatorChar);
        }

        await using var reopened = VigilStore.Open(dataDirectory, database.StoreUri.Replace("postgresql://", "postgres://", StringComparison.Ordinal));
        (await reopened.Datasets.GetAsync("iris", cancellationToken: ct)).ShouldNotBeNull().Version.ShouldBe(1);
        File.Exists(Path.Combine(dataDirectory, "vigil.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Open_PostgresUriWithPassword_StoreUriMasksIt()
    {
        await using var database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var uri = database.StoreUri.Replace("postgresql://postgres@", "postgresql://postgres:hunter2@", StringComparison.Ordinal);

        await using var store = VigilStore.Open(_directory.Path, uri); // trust authentication ignores the password

        store.StoreUri.ShouldNotContain("hunter2");
        store.StoreUri.ShouldBe(database.StoreUri.Replace("postgres@", "postgres:***@", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_UnreachablePostgres_ThrowsWithoutPasswordAndWithoutTouchingDisk()
    {
        var dataDirectory = Path.Combine(_directory.Path, "data");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var error = Should.Throw<InvalidOperationException>(() => VigilStore.Open(dataDirectory, $"postgresql://vigil:hunter2@127.0.0.1:{port}/vigil"));

        error.Message.ShouldContain($"postgresql://vigil:***@127.0.0.1:{port}/vigil");
        error.ToString().ShouldNotContain("hunter2");
        Directory.Exists(dataDirectory).ShouldBeFalse();
    }

    [Fact]
    public void Open_MalformedPostgresUri_ThrowsArgumentExceptionWithoutPassword()
    {
        var error = Should.Throw<ArgumentException>(() => VigilStore.Open(_directory.Path, "postgresql://vigil:hunter2@db:notaport/vigil"));

        error.Message.ShouldContain("port");
        error.ToString().ShouldNotContain("hunter2");
    }

    [Fact]
    public void Open_UnknownScheme_ThrowsArgumentExceptionNamingScheme() =>
        Should.Throw<ArgumentException>(() => VigilStore.Open(_directory.Path, "s3://bucket/vigil")).Message.ShouldContain("'s3'");

    [Fact]
    public async Task Datasets_AfterDispose_ThrowObjectDisposed()
    {
        var store = VigilStore.Open(_directory.Path);
        await store.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => store.Datasets.ListAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    public void Dispose() => _directory.Dispose();
}
