using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Vigil.Bench.Peers;
using Vigil.Testing.Postgres;
using Vigil.Tracking.Runs;
using Vigil.Tracking.Sql;

namespace Vigil.Bench.Tracking;

/// <summary>
/// <c>tracking [--runs 100000] [--batches 30] [--searches 20] [--backend both|sqlite|postgres] [--seed 1]</c>: the tracking
/// store's issue-6 targets on SQLite and PostgreSQL, through the public <see cref="VigilStore"/> API: median latency of
/// <c>LogBatchAsync</c> with 1,000 metrics (one transaction, committed durably), and of <c>SearchRunsAsync</c> with the
/// filter <c>metrics.f1 &gt; 0.8 and params.model = 'rf'</c> over an experiment of <c>runs</c> runs (each with 2 params,
/// 2 tags and 2 metrics). The runs are bulk-loaded straight into the schema the store migrated (same rows the store
/// would write; one transaction on SQLite, binary COPY on PostgreSQL, then ANALYZE on PostgreSQL as autovacuum would);
/// loading 100,000 runs through the API would take minutes and is not what is measured. PostgreSQL is a throwaway
/// local server started like the tests' (tests/Vigil.Testing PostgresServer: initdb, loopback TCP, fsync on).
/// </summary>
internal static class TrackingBenchmark
{
    public const string Command = "tracking";

    private const string Filter = "metrics.f1 > 0.8 and params.model = 'rf'";

    public static int Run(string[] args)
    {
        var runs = 100_000;
        var batches = 30;
        var searches = 20;
        var backend = "both";
        var seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--batches":
                    batches = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--searches":
                    searches = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--backend":
                    backend = args[++i];
                    break;
                case "--seed":
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'");
                    return 2;
            }
        }

        Console.WriteLine($"tracking: {runs:N0} runs, {batches} log-batch samples of 1,000 metrics, {searches} search samples; {Environment.ProcessorCount} cores; " +
                          $"load average at start {LoadAverage()}");
        List<Row> rows = [];
        if (backend is "both" or "sqlite")
        {
            rows.Add(RunSqlite(runs, batches, searches, seed).GetAwaiter().GetResult());
        }

        if (backend is "both" or "postgres")
        {
            var row = RunPostgres(runs, batches, searches, seed).GetAwaiter().GetResult();
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| backend | log-batch 1,000 metrics: median (p90, min) | search, 1,000 per page: median (p90, min) | search, 100 per page: median | matches | load |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Backend} | {Ms(row.LogBatch)} | {Ms(row.Search)} | {F(Stats.Median(row.SearchSmall))} ms | {row.Matches:N0} | {row.Load} |");
        }

        Console.WriteLine($"load average at end {LoadAverage()}");
        return 0;
    }

    private static async Task<Row> RunSqlite(int runs, int batches, int searches, int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-bench-tracking-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var file = Path.Combine(directory, "vigil.db");
            await using var store = VigilStore.Open(directory, "sqlite:///" + file);
            var experiment = await store.Tracking.CreateExperimentAsync("bench");
            var load = Stopwatch.StartNew();
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                connection.Open();
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout=5000;";
                pragma.ExecuteNonQuery();
                using var transaction = connection.BeginTransaction();
                var insert = new Dictionary<string, SqliteCommand>();
                foreach (var (table, columns) in Tables)
                {
                    var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))});";
                    for (var i = 0; i < columns.Length; i++)
                    {
                        command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
                    }

                    command.Prepare();
                    insert[table] = command;
                }

                foreach (var (table, values) in Generate(long.Parse(experiment, CultureInfo.InvariantCulture), runs, seed))
                {
                    var command = insert[table];
                    for (var i = 0; i < values.Length; i++)
                    {
                        command.Parameters[i].Value = values[i] ?? DBNull.Value;
                    }

                    command.ExecuteNonQuery();
                }

                transaction.Commit();
                foreach (var command in insert.Values)
                {
                    command.Dispose();
                }
            }

            Console.WriteLine($"sqlite: loaded {runs:N0} runs in {load.Elapsed.TotalSeconds:F1} s");
            return await Measure("SQLite (WAL, synchronous=NORMAL)", store, experiment, batches, searches);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<Row?> RunPostgres(int runs, int batches, int searches, int seed)
    {
        PostgresServer server;
        try
        {
            server = await PostgresServer.StartAsync();
        }
        catch (Exception e)
        {
            Console.WriteLine($"postgres: skipped, no server could be started ({e.Message})");
            return null;
        }

        await using (server)
        {
            await using var database = await server.CreateDatabaseAsync();
            var directory = Path.Combine(Path.GetTempPath(), "vigil-bench-tracking-" + Guid.NewGuid().ToString("N")[..12]);
            try
            {
                await using var store = VigilStore.Open(directory, database.StoreUri);
                var experiment = await store.Tracking.CreateExperimentAsync("bench");
                var load = Stopwatch.StartNew();
                await using (var connection = new NpgsqlConnection(database.ConnectionString))
                {
                    await connection.OpenAsync();
                    var grouped = Generate(long.Parse(experiment, CultureInfo.InvariantCulture), runs, seed).GroupBy(r => r.Table).ToList();
                    foreach (var (table, columns) in Tables)
                    {
                        var types = columns.Select(c => ColumnType(table, c)).ToArray();
                        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
                        foreach (var (_, values) in grouped.Single(g => g.Key == table))
                        {
                            await copy.StartRowAsync();
                            for (var i = 0; i < values.Length; i++)
                            {
                                if (values[i] is null)
                                {
                                    await copy.WriteNullAsync();
                                }
                                else
                                {
                                    await copy.WriteAsync(values[i], types[i]);
                                }
                            }
                        }

                        await copy.CompleteAsync();
                    }

                    await using var analyze = new NpgsqlCommand("ANALYZE;", connection);
                    await analyze.ExecuteNonQueryAsync();
                }

                Console.WriteLine($"postgres {server.Version}: loaded {runs:N0} runs in {load.Elapsed.TotalSeconds:F1} s");
                return await Measure($"PostgreSQL {server.Version} (local, loopback TCP, fsync on)", store, experiment, batches, searches);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
    }

    private static async Task<Row> Measure(string backend, VigilStore store, string experiment, int batches, int searches)
    {
        var run = await store.Tracking.CreateRunAsync(new NewRun(experiment, RunName: "log-batch"));
        List<double> logBatch = [];
        const int warmup = 3;
        for (var b = 0; b < batches + warmup; b++)
        {
            var metrics = new List<Metric>(1000);
            for (var j = 0; j < 1000; j++)
            {
                long step = (b * 100) + (j / 10);
                metrics.Add(new Metric("m" + (j % 10).ToString(CultureInfo.InvariantCulture), j * 0.001, 1_700_000_000_000 + step, step));
            }

            var started = Stopwatch.GetTimestamp();
            await store.Tracking.LogBatchAsync(run.Info.RunId, metrics, [], []);
            if (b >= warmup)
            {
                logBatch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var (search, matches) = await TimeSearch(store, experiment, searches, 1000);
        var (small, _) = await TimeSearch(store, experiment, searches, 100);
        return new Row(backend, logBatch, search, small, matches, LoadAverage());
    }

    private static async Task<(List<double> Times, int Matches)> TimeSearch(VigilStore store, string experiment, int searches, int maxResults)
    {
        List<double> times = [];
        var matches = 0;
        for (var s = 0; s < searches + 2; s++)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await store.Tracking.SearchRunsAsync(new RunSearch([experiment], Filter, MaxResults: maxResults));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (s >= 2)
            {
                times.Add(elapsed);
            }

            if ((page.Items.Count != maxResults && page.NextPageToken is not null) || page.Items.Any(r => r.Data.Params["model"] != "rf" || r.Data.Metrics.Single(m => m.Key == "f1").Value <= 0.8))
            {
                throw new InvalidOperationException("the search returned wrong runs");
            }

            if (s == 0)
            {
                matches = (await store.Tracking.SearchRunsAsync(new RunSearch([experiment], Filter, MaxResults: 50_000))).Items.Count;
            }
        }

        return (times, matches);
    }

    private static readonly (string Table, string[] Columns)[] Tables =
    [
        ("runs", ["run_id", "experiment_id", "run_name", "user_id", "status", "start_time", "end_time", "lifecycle_stage", "artifact_uri"]),
        ("tags", ["run_id", "key", "value"]),
        ("params", ["run_id", "key", "value"]),
        ("metrics", ["run_id", "key", "step", "timestamp", "value", "is_nan"]),
        ("latest_metrics", ["run_id", "key", "step", "timestamp", "value", "is_nan"]),
    ];

    private static NpgsqlDbType ColumnType(string table, string column) => column switch
    {
        "experiment_id" or "start_time" or "end_time" or "step" or "timestamp" => NpgsqlDbType.Bigint,
        "value" when table is "metrics" or "latest_metrics" => NpgsqlDbType.Double,
        "is_nan" => NpgsqlDbType.Smallint,
        _ => NpgsqlDbType.Text,
    };

    /// <summary>Rows for <paramref name="runs"/> finished runs: f1 uniform in [0, 1), model rf|gbm|lin, team a|b, all seeded.</summary>
    private static IEnumerable<(string Table, object?[] Values)> Generate(long experiment, int runs, int seed)
    {
        var random = new Random(seed);
        var id = new byte[16];
        string[] models = ["rf", "gbm", "lin"];
        const long start = 1_700_000_000_000;
        for (var i = 0; i < runs; i++)
        {
            random.NextBytes(id);
            var runId = Convert.ToHexStringLower(id);
            var name = "run-" + i.ToString(CultureInfo.InvariantCulture);
            yield return ("runs", [runId, experiment, name, "bench", "FINISHED", start + i, start + i + 60_000, "active",
                $"mlflow-artifacts:/{experiment}/{runId}/artifacts"]);
            yield return ("tags", [runId, "mlflow.runName", name]);
            yield return ("tags", [runId, "team", random.Next(2) == 0 ? "a" : "b"]);
            yield return ("params", [runId, "model", models[random.Next(3)]]);
            yield return ("params", [runId, "depth", random.Next(2, 12).ToString(CultureInfo.InvariantCulture)]);
            foreach (var (key, value) in new[] { ("f1", random.NextDouble()), ("loss", random.NextDouble() * 2) })
            {
                yield return ("metrics", [runId, key, 0L, start + i + 30_000, value, (short)0]);
                yield return ("latest_metrics", [runId, key, 0L, start + i + 30_000, value, (short)0]);
            }
        }
    }

    private static string Ms(List<double> values) =>
        $"{F(Stats.Median(values))} ms ({F(Percentile(values, 0.9))}, {F(values.Min())})";

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static string F(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private sealed record Row(string Backend, List<double> LogBatch, List<double> Search, List<double> SearchSmall, int Matches, string Load);
}
