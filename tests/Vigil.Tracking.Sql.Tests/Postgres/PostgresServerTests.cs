using Npgsql;
using Shouldly;
using Vigil.Testing;
using Vigil.Testing.Postgres;
using Xunit;
using Xunit.Sdk;

namespace Vigil.Tracking.Sql.Tests.Postgres;

/// <summary>The test fixture itself: skip/fail when PostgreSQL is missing, loopback-only trust, per-test databases, clean stop.</summary>
public sealed class PostgresServerTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ServicesUnavailable_NotRequired_SkipsWithTheReason() =>
        Should.Throw<SkipException>(() => Services.Unavailable("no widget server", required: false)).Message.ShouldContain("no widget server");

    [Fact]
    public void ServicesUnavailable_Required_FailsWithTheReason() =>
        Should.Throw<FailException>(() => Services.Unavailable("no widget server", required: true)).Message
            .ShouldContain("VIGIL_REQUIRE_SERVICES=1 but no widget server");

    [Fact]
    public async Task StartAsync_BinariesMissing_SkipsOrFailsPerVigilRequireServices()
    {
        var options = new PostgresServerOptions { BinDirectory = _directory.Path };

        var error = await Should.ThrowAsync<Exception>(() => PostgresServer.StartAsync(options, Ct));

        error.ShouldBeOfType(Services.Required ? typeof(FailException) : typeof(SkipException));
        error.Message.ShouldContain("initdb, pg_ctl, postgres");
        error.Message.ShouldContain("'postgresql'");
    }

    [Fact]
    public void Installation_At_FolderWithoutBinaries_ReturnsNullWithReason()
    {
        PostgresInstallation.At(_directory.Path, out var reason).ShouldBeNull();

        reason.ShouldContain(_directory.Path);
        reason.ShouldContain(PostgresInstallation.BinDirectoryVariable);
    }

    [Fact]
    public void Options_Invalid_ThrowNamingEachOption()
    {
        var error = Should.Throw<ArgumentException>(() =>
            new PostgresServerOptions { SuperUser = "x; DROP", StepTimeout = TimeSpan.Zero }.ThrowIfInvalid());

        error.Message.ShouldContain(nameof(PostgresServerOptions.SuperUser));
        error.Message.ShouldContain(nameof(PostgresServerOptions.StepTimeout));
    }

    [Fact]
    public async Task SharedServer_ListensOnLoopbackOnlyWithFsyncAndSocketInTempFolder()
    {
        var server = await postgres.GetServerAsync();
        await using var database = await server.CreateDatabaseAsync(Ct);

        (await Show(database.ConnectionString, "listen_addresses")).ShouldBe("127.0.0.1");
        (await Show(database.ConnectionString, "fsync")).ShouldBe("on");
        (await Show(database.ConnectionString, "unix_socket_directories")).ShouldBe(server.SocketDirectory);
        (await Show(database.ConnectionString, "server_encoding")).ShouldBe("UTF8");
        server.Version.ShouldNotBeNullOrEmpty();
        var viaSocket = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = server.SocketDirectory }.ConnectionString;
        (await Show(viaSocket, "port")).ShouldBe(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CreateDatabaseAsync_EachCall_IsFreshIsolatedAndDroppedOnDispose()
    {
        var server = await postgres.GetServerAsync();
        var first = await server.CreateDatabaseAsync(Ct);
        await using var second = await server.CreateDatabaseAsync(Ct);
        await Execute(first.ConnectionString, "CREATE TABLE only_here (id int);");

        first.Name.ShouldStartWith("test_");
        first.Name.ShouldNotBe(second.Name);
        (await Scalar(second.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here';")).ShouldBe(0L);

        await using (var open = new NpgsqlConnection(first.ConnectionString))
        {
            await open.OpenAsync(Ct); // a connection still open does not block the drop
            await first.DisposeAsync();
        }

        (await Scalar(second.ConnectionString, $"SELECT count(*) FROM pg_database WHERE datname = '{first.Name}';")).ShouldBe(0L);
    }

    [Fact]
    public async Task DisposeAsync_OwnServer_StopsItAndRemovesItsFolder()
    {
        await postgres.GetServerAsync(); // skips or fails the same way when PostgreSQL is missing
        var server = await PostgresServer.StartAsync(cancellationToken: Ct);
        var connectionString = server.ConnectionString();
        (await Show(connectionString, "port")).ShouldBe(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await server.DisposeAsync();

        Directory.Exists(server.RootDirectory).ShouldBeFalse();
        NpgsqlConnection.ClearAllPools();
        await Should.ThrowAsync<NpgsqlException>(() => Show(connectionString, "port"));
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<string> Show(string connectionString, string setting) =>
        (string)(await Scalar(connectionString, $"SHOW {setting};"))!;

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
