using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Vigil.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: initdb into a temp folder, trust authentication on 127.0.0.1 only, a free
/// loopback port, the unix socket inside the temp folder, fsync on. When the tests run as root, initdb and the server
/// run as the <c>postgres</c> OS user (initdb refuses root). Every step has a timeout; disposing stops the server
/// (<c>pg_ctl stop -m fast</c>, then a kill if it is stuck) and deletes the folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The loopback address the server listens on.</summary>
    public const string Host = "127.0.0.1";

    private const int StartAttempts = 3;

    private readonly PostgresServerOptions _options;
    private readonly string? _runAs;
    private readonly string? _runUser;
    private NpgsqlDataSource? _admin;
    private bool _running;
    private bool _disposed;

    private PostgresServer(PostgresInstallation installation, PostgresServerOptions options, string rootDirectory, string? runAs, string? runUser)
    {
        Installation = installation;
        _options = options;
        RootDirectory = rootDirectory;
        _runAs = runAs;
        _runUser = runUser;
    }

    /// <summary>The binaries in use.</summary>
    public PostgresInstallation Installation { get; }

    /// <summary>The temp folder holding the data directory, the log and the unix socket; deleted on dispose.</summary>
    public string RootDirectory { get; }

    /// <summary>The cluster's data directory (<c>PGDATA</c>).</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The server log written by <c>pg_ctl -l</c>.</summary>
    public string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>The folder holding the unix-domain socket.</summary>
    public string SocketDirectory => RootDirectory;

    /// <summary>The TCP port on <see cref="Host"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The database superuser (trust authentication, no password).</summary>
    public string SuperUser => _options.SuperUser;

    /// <summary>The server's version string (<c>SHOW server_version</c>).</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>
    /// Starts a server. Calls <see cref="Services.Unavailable(string)"/> (skip, or fail under VIGIL_REQUIRE_SERVICES=1)
    /// when the binaries are missing or, as root, there is no OS user to run them as; throws when they are there but fail.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresServerOptions();
        options.ThrowIfInvalid();
        if (OperatingSystem.IsWindows())
        {
            Services.Unavailable("the PostgreSQL test server runs on Linux and macOS only (initdb, pg_ctl, unix sockets)");
        }

        var installation = options.BinDirectory is null
            ? PostgresInstallation.Find(out var reason)
            : PostgresInstallation.At(options.BinDirectory, out reason);
        if (installation is null)
        {
            Services.Unavailable(reason);
        }

        string? runAs = null;
        string? runUser = null;
        if (Environment.IsPrivilegedProcess)
        {
            runUser = Services.FindExecutable("runuser") ?? (File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : null);
            if (runUser is null)
            {
                Services.Unavailable("tests run as root, initdb refuses root, and 'runuser' (util-linux) is not available to run it as another user");
            }

            var id = await ProcessRunner.RunAsync("id", ["-u", options.RootRunAsUser], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!id.Succeeded)
            {
                Services.Unavailable(
                    $"tests run as root and initdb refuses root, but there is no OS user '{options.RootRunAsUser}' to run it as (the Debian package 'postgresql' creates it)");
            }

            runAs = options.RootRunAsUser;
        }

        // Short: the unix socket path must stay under ~107 bytes.
        var root = Path.Combine(Path.GetTempPath(), "vigil-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer(installation, options, root, runAs, runUser);
        try
        {
            await server.InitializeClusterAsync(cancellationToken).ConfigureAwait(false);
            await server.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An ADO.NET connection string for <paramref name="database"/> as the superuser over TCP.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
        Timeout = 15,
        CommandTimeout = 60,
    }.ConnectionString;

    /// <summary>A Vigil store URI for <paramref name="database"/>: <c>postgresql://postgres@127.0.0.1:PORT/database</c>.</summary>
    public string StoreUri(string database) => $"postgresql://{SuperUser}@{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    /// <summary>Creates a fresh, empty database named <c>test_&lt;guid&gt;</c>; disposing it drops it.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\";", cancellationToken).ConfigureAwait(false);
        return new PostgresTestDatabase(this, name);
    }

    /// <summary>Runs one statement on the <c>postgres</c> maintenance database as the superuser.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed || _admin is null, this);
        await using var command = _admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server (fast shutdown, then a kill if it is stuck) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_admin is not null)
        {
            await _admin.DisposeAsync().ConfigureAwait(false);
        }

        if (_running)
        {
            var stop = await RunToolAsync(Installation.PgCtl,
                ["-D", DataDirectory, "-m", "fast", "-w", "-t", Seconds(_options.StepTimeout), "stop"], CancellationToken.None).ConfigureAwait(false);
            if (!stop.Succeeded)
            {
                KillPostmaster();
            }

            _running = false;
        }

        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the OS cleans the temp folder eventually.
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        if (_runAs is not null)
        {
            var chown = await ProcessRunner.RunAsync("chown", [_runAs + ":", RootDirectory], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            EnsureSucceeded(chown, "chown of the temp folder");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(RootDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var initdb = await RunToolAsync(Installation.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], cancellationToken).ConfigureAwait(false);
        EnsureSucceeded(initdb, "initdb");

        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Vigil test server")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{SocketDirectory}'")
            .AppendLine("fsync = on")
            .AppendLine("synchronous_commit = on")
            .AppendLine("max_connections = 200")
            .AppendLine("shared_buffers = 32MB")
            .AppendLine("wal_level = minimal")
            .AppendLine("max_wal_senders = 0")
            .AppendLine("jit = off")
            .AppendLine("log_min_messages = warning");
        foreach (var (name, value) in _options.Settings)
        {
            settings.AppendLine(CultureInfo.InvariantCulture, $"{name} = '{value.Replace("'", "''", StringComparison.Ordinal)}'");
        }

        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings.ToString(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), """
            # Vigil test server: trust, loopback and this folder's socket only.
            local all all trust
            host  all all 127.0.0.1/32 trust

            """, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            var start = await RunToolAsync(Installation.PgCtl,
                ["-D", DataDirectory, "-l", LogFile, "-w", "-t", Seconds(_options.StepTimeout), "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}", "start"],
                cancellationToken).ConfigureAwait(false);
            if (start.Succeeded)
            {
                break;
            }

            KillPostmaster();
            var log = LogTail();
            if (attempt < StartAttempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Another process took the port between probing and binding.
            }

            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {start.ExitCode}{(start.TimedOut ? ", timed out" : string.Empty)}):\n{start.Output}\nserver log:\n{log}");
        }

        _running = true;
        _admin = NpgsqlDataSource.Create(ConnectionString());
        await using var version = _admin.CreateCommand("SHOW server_version;");
        Version = (string)(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private Task<ProcessResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runAs is null
            ? ProcessRunner.RunAsync(tool, arguments, _options.StepTimeout, RootDirectory, cancellationToken)
            : ProcessRunner.RunAsync(_runUser!, ["-u", _runAs, "--", tool, .. arguments], _options.StepTimeout, RootDirectory, cancellationToken);

    private void KillPostmaster()
    {
        try
        {
            var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
            if (File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Not running (any more).
        }
    }

    private string LogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(40));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private static void EnsureSucceeded(ProcessResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"{step} failed (exit {result.ExitCode}{(result.TimedOut ? ", timed out" : string.Empty)}):\n{result.Output}");
        }
    }

    private static string Seconds(TimeSpan timeout) => ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
