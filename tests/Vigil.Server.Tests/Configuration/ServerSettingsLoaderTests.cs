using Microsoft.Extensions.Logging;
using Shouldly;
using Vigil.Server.Configuration;
using Xunit;

namespace Vigil.Server.Tests.Configuration;

public sealed class ServerSettingsLoaderTests
{
    private static readonly ServerFlags NoFlags = new();

    private static Dictionary<string, string?> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);

    private static ServerSettings Load(ServerFlags? flags = null, Dictionary<string, string?>? env = null, string? json = null) =>
        ServerSettingsLoader.Load(flags ?? NoFlags, env ?? Env(), json, "test.json");

    private static IReadOnlyList<string> Errors(ServerFlags? flags = null, Dictionary<string, string?>? env = null, string? json = null) =>
        Should.Throw<ServerSettingsException>(() => Load(flags, env, json)).Errors;

    [Fact]
    public void Load_NothingGiven_Defaults()
    {
        var settings = Load();

        settings.Host.ShouldBe("127.0.0.1");
        settings.Port.ShouldBe(5000);
        settings.Urls.ShouldBeNull();
        settings.ListenUrls.ShouldBe(["http://127.0.0.1:5000"]);
        var options = settings.Options;
        options.Models.ShouldBeEmpty();
        options.LogLevel.ShouldBe(LogLevel.Warning);
        options.DriftThreshold.ShouldBe(0.1);
        options.PollInterval.ShouldBe(TimeSpan.FromSeconds(5));
        options.MaxBatchRows.ShouldBe(10_000);
        options.MicroBatchDelay.ShouldBe(TimeSpan.Zero);
        options.MaxRequestBodyBytes.ShouldBe(16L * 1024 * 1024);
        options.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.StoreUri.ShouldBeNull();
        options.DataDirectory.ShouldBe(Path.GetFullPath(".vigil"));
    }

    [Fact]
    public void Load_AllFromFlags_Applied()
    {
        var settings = Load(new ServerFlags
        {
            Models = ["pdm@champion", "rul/3"],
            Host = "0.0.0.0",
            Port = "8080",
            LogLevel = "debug",
            DriftThreshold = "0.25",
            PollInterval = "2.5",
            MaxBatch = "500",
            MicroBatchDelayMs = "3",
            MaxRequestBody = "2MiB",
            ShutdownTimeout = "30",
            Store = "sqlite:///tmp/x.db",
            DataDir = "flagdata",
        });

        AssertFullSet(settings, "0.0.0.0", 8080, "flagdata");
    }

    [Fact]
    public void Load_AllFromEnvironment_Applied()
    {
        var settings = Load(env: Env(
            ("MODEL_PATH", "pdm@champion, rul/3"),
            ("API_HOST", "0.0.0.0"),
            ("API_PORT", "8080"),
            ("LOG_LEVEL", "DEBUG"),
            ("DRIFT_THRESHOLD", "0.25"),
            ("POLL_INTERVAL", "2.5"),
            ("MAX_BATCH", "500"),
            ("MICRO_BATCH_DELAY_MS", "3"),
            ("MAX_REQUEST_BODY", "2097152"),
            ("SHUTDOWN_TIMEOUT", "30"),
            ("STORE_URI", "sqlite:///tmp/x.db"),
            ("VIGIL_DATA_DIR", "envdata")));

        AssertFullSet(settings, "0.0.0.0", 8080, "envdata");
    }

    [Fact]
    public void Load_AllFromAppSettings_Applied()
    {
        const string Json = """
            {
              // comments and trailing commas are fine, as in any appsettings.json
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Vigil": {
                "ModelPath": ["pdm@champion", "rul/3"],
                "ApiHost": "0.0.0.0",
                "ApiPort": 8080,
                "LogLevel": "Debug",
                "DriftThreshold": 0.25,
                "PollInterval": 2.5,
                "MaxBatch": 500,
                "MicroBatchDelayMs": 3,
                "MaxRequestBody": "2MiB",
                "ShutdownTimeout": "30",
                "StoreUri": "sqlite:///tmp/x.db",
              }
            }
            """;

        AssertFullSet(Load(json: Json), "0.0.0.0", 8080, ".vigil");
    }

    private static void AssertFullSet(ServerSettings settings, string host, int port, string dataDir)
    {
        settings.Host.ShouldBe(host);
        settings.Port.ShouldBe(port);
        settings.ListenUrls.ShouldBe([$"http://{host}:{port}"]);
        var options = settings.Options;
        options.Models.ShouldBe(["pdm@champion", "rul/3"]);
        options.LogLevel.ShouldBe(LogLevel.Debug);
        options.DriftThreshold.ShouldBe(0.25);
        options.PollInterval.ShouldBe(TimeSpan.FromSeconds(2.5));
        options.MaxBatchRows.ShouldBe(500);
        options.MicroBatchDelay.ShouldBe(TimeSpan.FromMilliseconds(3));
        options.MaxRequestBodyBytes.ShouldBe(2L * 1024 * 1024);
        options.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.StoreUri.ShouldBe("sqlite:///tmp/x.db");
        options.DataDirectory.ShouldBe(Path.GetFullPath(dataDir));
    }

    [Theory]
    [InlineData(true, true, true, true, 1001)]
    [InlineData(false, true, true, true, 1002)]
    [InlineData(false, false, true, true, 1003)]
    [InlineData(false, false, false, true, 1004)]
    [InlineData(false, false, false, false, 5000)]
    public void Load_EverySource_FlagThenPrefixedThenPlainThenFileThenDefault(bool flag, bool prefixed, bool plain, bool file, int expected)
    {
        var env = Env();
        if (prefixed)
        {
            env["VIGIL_API_PORT"] = "1002";
        }

        if (plain)
        {
            env["API_PORT"] = "1003";
        }

        var settings = Load(flag ? new ServerFlags { Port = "1001" } : null, env, file ? """{"Vigil": {"ApiPort": 1004}}""" : null);

        settings.Port.ShouldBe(expected);
    }

    [Fact]
    public void Load_PrefixedAndPlainVariable_PrefixedWinsForEverySetting()
    {
        var env = Env();
        foreach (var setting in ServerSettingsLoader.Settings)
        {
            env[setting.EnvironmentVariable] = "not valid for anything";
        }

        env["VIGIL_MODEL_PATH"] = "pdm@champion";
        env["VIGIL_API_HOST"] = "localhost";
        env["VIGIL_API_PORT"] = "9000";
        env["VIGIL_LOG_LEVEL"] = "error";
        env["VIGIL_DRIFT_THRESHOLD"] = "1";
        env["VIGIL_POLL_INTERVAL"] = "60";
        env["VIGIL_MAX_BATCH"] = "1";
        env["VIGIL_MICRO_BATCH_DELAY_MS"] = "0";
        env["VIGIL_MAX_REQUEST_BODY"] = "1KiB";
        env["VIGIL_SHUTDOWN_TIMEOUT"] = "0";
        env["VIGIL_STORE_URI"] = "sqlite:///v.db";

        var settings = Load(env: env);

        settings.ListenUrls.ShouldBe(["http://localhost:9000"]);
        settings.Options.Models.ShouldBe(["pdm@champion"]);
        settings.Options.LogLevel.ShouldBe(LogLevel.Error);
        settings.Options.DriftThreshold.ShouldBe(1);
        settings.Options.PollInterval.ShouldBe(TimeSpan.FromMinutes(1));
        settings.Options.MaxBatchRows.ShouldBe(1);
        settings.Options.MaxRequestBodyBytes.ShouldBe(1024);
        settings.Options.ShutdownTimeout.ShouldBe(TimeSpan.Zero);
        settings.Options.StoreUri.ShouldBe("sqlite:///v.db");
    }

    [Fact]
    public void Load_EmptyVariable_CountsAsUnset()
    {
        var settings = Load(env: Env(("VIGIL_API_PORT", ""), ("API_PORT", "  ")), json: """{"Vigil": {"ApiPort": 7000}}""");

        settings.Port.ShouldBe(7000);
    }

    [Fact]
    public void Load_InvalidValueShadowedByHigherSource_NotAnError()
    {
        var settings = Load(new ServerFlags { Port = "8000" }, Env(("API_PORT", "abc")), """{"Vigil": {"ApiPort": "also bad"}}""");

        settings.Port.ShouldBe(8000);
    }

    [Fact]
    public void Load_UrlsFlag_WinsOverHostAndPortFromEverySource()
    {
        var settings = Load(new ServerFlags { Urls = "http://127.0.0.1:0; https://localhost:8443", Host = "0.0.0.0", Port = "9000" }, Env(("API_PORT", "9001")));

        settings.Urls.ShouldBe(["http://127.0.0.1:0", "https://localhost:8443"]);
        settings.ListenUrls.ShouldBe(["http://127.0.0.1:0", "https://localhost:8443"]);
    }

    [Theory]
    [InlineData("::1", "http://[::1]:5000")]
    [InlineData("[::]", "http://[::]:5000")]
    [InlineData("*", "http://*:5000")]
    [InlineData("localhost", "http://localhost:5000")]
    [InlineData("model-server.default.svc", "http://model-server.default.svc:5000")]
    public void Load_Host_BecomesListenUrl(string host, string url) =>
        Load(env: Env(("API_HOST", host))).ListenUrls.ShouldBe([url]);

    [Fact]
    public void Load_PortZero_PicksAFreePort() =>
        Load(env: Env(("API_PORT", "0"))).ListenUrls.ShouldBe(["http://127.0.0.1:0"]);

    [Theory]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("Debug", LogLevel.Debug)]
    [InlineData("information", LogLevel.Information)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("critical", LogLevel.Critical)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("none", LogLevel.None)]
    public void Load_LogLevel_MicrosoftAndPythonNamesAnyCase(string text, LogLevel expected) =>
        Load(env: Env(("LOG_LEVEL", text))).Options.LogLevel.ShouldBe(expected);

    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("64KiB", 64L * 1024)]
    [InlineData("16 MiB", 16L * 1024 * 1024)]
    [InlineData("1gib", 1024L * 1024 * 1024)]
    public void Load_MaxRequestBody_BytesOrBinarySuffix(string text, long expected) =>
        Load(env: Env(("MAX_REQUEST_BODY", text))).Options.MaxRequestBodyBytes.ShouldBe(expected);

    [Fact]
    public void Load_ModelPath_CommaSeparatedTrimmedAndDeduplicated() =>
        Load(env: Env(("MODEL_PATH", " pdm@champion ,models/rul.vigil,pdm@champion"))).Options.Models.ShouldBe(["pdm@champion", "models/rul.vigil"]);

    [Fact]
    public void Load_ModelPath_CommaSeparatedStringInAppSettings() =>
        Load(json: """{"Vigil": {"ModelPath": "pdm@champion,pdm/3"}}""").Options.Models.ShouldBe(["pdm@champion", "pdm/3"]);

    [Fact]
    public void Load_ModelFlags_ReplaceTheEnvironmentList() =>
        Load(new ServerFlags { Models = ["a@champion", "b/2"] }, Env(("MODEL_PATH", "c@champion"))).Options.Models.ShouldBe(["a@champion", "b/2"]);

    [Fact]
    public void Load_AppSettingsKeys_CaseInsensitive() =>
        Load(json: """{"vigil": {"apiport": 6000, "LOGLEVEL": "info"}}""").Port.ShouldBe(6000);

    [Fact]
    public void Load_DataDirectory_FlagThenVigilDataDirThenDefault()
    {
        Path.GetFileName(Load(new ServerFlags { DataDir = "from-flag" }, Env(("VIGIL_DATA_DIR", "from-env"))).Options.DataDirectory).ShouldBe("from-flag");
        Path.GetFileName(Load(env: Env(("VIGIL_DATA_DIR", "from-env"))).Options.DataDirectory).ShouldBe("from-env");
        Path.GetFileName(Load(env: Env(("DATA_DIR", "plain-is-not-read"))).Options.DataDirectory).ShouldBe(".vigil");
    }

    // Every rule's message, as the CLI prints it: NAME='value' (source): problem.
    [Theory]
    [InlineData("API_PORT", "abc", "API_PORT='abc' (environment): not a port number (1-65535)")]
    [InlineData("API_PORT", "65536", "API_PORT='65536' (environment): not a port number (1-65535)")]
    [InlineData("API_PORT", "-1", "API_PORT='-1' (environment): not a port number (1-65535)")]
    [InlineData("API_HOST", "bad host", "API_HOST='bad host' (environment): not a host name or IP address (e.g. 127.0.0.1, 0.0.0.0, localhost, ::1)")]
    [InlineData("API_HOST", "http://x", "API_HOST='http://x' (environment): not a host name or IP address (e.g. 127.0.0.1, 0.0.0.0, localhost, ::1)")]
    [InlineData("LOG_LEVEL", "verbose", "LOG_LEVEL='verbose' (environment): not a log level (trace, debug, information/info, warning/warn, error, critical/fatal, none)")]
    [InlineData("DRIFT_THRESHOLD", "0", "DRIFT_THRESHOLD='0' (environment): not a number in (0, 1]")]
    [InlineData("DRIFT_THRESHOLD", "1.5", "DRIFT_THRESHOLD='1.5' (environment): not a number in (0, 1]")]
    [InlineData("DRIFT_THRESHOLD", "NaN", "DRIFT_THRESHOLD='NaN' (environment): not a number in (0, 1]")]
    [InlineData("DRIFT_THRESHOLD", "0,5", "DRIFT_THRESHOLD='0,5' (environment): not a number in (0, 1]")]
    [InlineData("POLL_INTERVAL", "0", "POLL_INTERVAL='0' (environment): not a number of seconds > 0 (at most 86400)")]
    [InlineData("POLL_INTERVAL", "5s", "POLL_INTERVAL='5s' (environment): not a number of seconds > 0 (at most 86400)")]
    [InlineData("POLL_INTERVAL", "1e9", "POLL_INTERVAL='1e9' (environment): not a number of seconds > 0 (at most 86400)")]
    [InlineData("MAX_BATCH", "0", "MAX_BATCH='0' (environment): not a whole number of rows (at least 1)")]
    [InlineData("MAX_BATCH", "2.5", "MAX_BATCH='2.5' (environment): not a whole number of rows (at least 1)")]
    [InlineData("MICRO_BATCH_DELAY_MS", "-1", "MICRO_BATCH_DELAY_MS='-1' (environment): not a whole number of milliseconds from 0 (off) to 1000")]
    [InlineData("MICRO_BATCH_DELAY_MS", "1001", "MICRO_BATCH_DELAY_MS='1001' (environment): not a whole number of milliseconds from 0 (off) to 1000")]
    [InlineData("MAX_REQUEST_BODY", "0", "MAX_REQUEST_BODY='0' (environment): not a size in bytes > 0 (e.g. 16777216 or 16MiB)")]
    [InlineData("MAX_REQUEST_BODY", "16MB", "MAX_REQUEST_BODY='16MB' (environment): not a size in bytes > 0 (e.g. 16777216 or 16MiB)")]
    [InlineData("MAX_REQUEST_BODY", "99999999999GiB", "MAX_REQUEST_BODY='99999999999GiB' (environment): not a size in bytes > 0 (e.g. 16777216 or 16MiB)")]
    [InlineData("SHUTDOWN_TIMEOUT", "-1", "SHUTDOWN_TIMEOUT='-1' (environment): not a number of seconds from 0 to 3600")]
    [InlineData("SHUTDOWN_TIMEOUT", "3601", "SHUTDOWN_TIMEOUT='3601' (environment): not a number of seconds from 0 to 3600")]
    [InlineData("MODEL_PATH", "pdm@champion,,rul/2", "MODEL_PATH='pdm@champion,,rul/2' (environment): empty model reference")]
    [InlineData("VIGIL_API_PORT", "x", "VIGIL_API_PORT='x' (environment): not a port number (1-65535)")]
    public void Load_InvalidEnvironmentValue_OneErrorNamingVariableValueAndSource(string variable, string value, string expected) =>
        Errors(env: Env((variable, value))).ShouldBe([expected]);

    [Fact]
    public void Load_InvalidFlags_NamedAsFlags()
    {
        var errors = Errors(new ServerFlags { Port = "abc", Models = ["pdm@champion", " "], Store = "", Urls = "ftp://127.0.0.1:21" });

        errors.ShouldBe([
            "--model=' ' (command line): empty model reference",
            "--port='abc' (command line): not a port number (1-65535)",
            "--urls='ftp://127.0.0.1:21' (command line): 'ftp://127.0.0.1:21' is not an http:// or https:// URL with a host and port (e.g. http://127.0.0.1:5000)",
            "--store='' (command line): must not be blank",
        ]);
    }

    [Fact]
    public void Load_InvalidAppSettingsValues_NamedWithSectionAndFile()
    {
        var errors = Errors(json: """{"Vigil": {"ApiPort": "abc", "MaxBatch": {"rows": 3}, "DriftThreshold": true, "ModelPath": [1, 2]}}""");

        errors.ShouldBe([
            "Vigil:ModelPath (file test.json): expected a comma-separated string or an array of strings",
            "Vigil:ApiPort='abc' (file test.json): not a port number (1-65535)",
            "Vigil:DriftThreshold='true' (file test.json): not a number in (0, 1]",
            "Vigil:MaxBatch (file test.json): expected a string or a number",
        ]);
    }

    [Fact]
    public void Load_UnknownAppSettingsKeys_OneErrorEachNamingTheKey()
    {
        var errors = Errors(json: """{"Vigil": {"ApiPrt": 8080, "ApiPort": 8080, "Workers": 4}, "Kestrel": {}}""");

        errors.Count.ShouldBe(2);
        errors[0].ShouldStartWith("Vigil:ApiPrt (file test.json): unknown setting (known: ModelPath, ApiHost, ApiPort,");
        errors[1].ShouldStartWith("Vigil:Workers (file test.json): unknown setting");
    }

    [Theory]
    [InlineData("{ not json", "file test.json: not valid JSON")]
    [InlineData("[1, 2]", "file test.json: expected a JSON object with a \"Vigil\" section")]
    [InlineData("""{"Vigil": "pdm"}""", "Vigil (file test.json): expected a JSON object of settings, got string")]
    public void Load_MalformedAppSettings_Error(string json, string expected) =>
        Errors(json: json).ShouldHaveSingleItem().ShouldStartWith(expected);

    [Fact]
    public void Load_AppSettingsWithoutVigilSection_Defaults() =>
        Load(json: """{"Logging": {"LogLevel": {"Default": "Debug"}}}""").Port.ShouldBe(5000);

    [Fact]
    public void Load_SeveralProblemsAcrossSources_AllReportedTogether()
    {
        var ex = Should.Throw<ServerSettingsException>(() => Load(
            new ServerFlags { LogLevel = "loud" },
            Env(("API_PORT", "abc"), ("VIGIL_DRIFT_THRESHOLD", "2")),
            """{"Vigil": {"PollInterval": -5, "Extra": 1}}"""));

        ex.Errors.Count.ShouldBe(5);
        ex.Errors.ShouldContain(e => e.StartsWith("--log-level='loud' (command line)", StringComparison.Ordinal));
        ex.Errors.ShouldContain(e => e.StartsWith("API_PORT='abc' (environment)", StringComparison.Ordinal));
        ex.Errors.ShouldContain(e => e.StartsWith("VIGIL_DRIFT_THRESHOLD='2' (environment)", StringComparison.Ordinal));
        ex.Errors.ShouldContain(e => e.StartsWith("Vigil:PollInterval='-5' (file test.json)", StringComparison.Ordinal));
        ex.Errors.ShouldContain(e => e.StartsWith("Vigil:Extra (file test.json): unknown setting", StringComparison.Ordinal));
        ex.Message.ShouldStartWith("5 invalid server settings: ");
    }

    [Fact]
    public void Settings_Table_EveryKeyIsPascalCaseOfItsVariable()
    {
        foreach (var setting in ServerSettingsLoader.Settings)
        {
            var pascal = string.Concat(setting.EnvironmentVariable.Split('_').Select(w => w[0] + w[1..].ToLowerInvariant()));
            pascal.ShouldBe(setting.Key, customMessage: setting.EnvironmentVariable);
        }
    }
}
