using Shouldly;
using Xunit;

namespace Vigil.Server.Tests;

public sealed class VigilServerOptionsTests
{
    [Fact]
    public void Constructor_Defaults_LoopbackPort5000()
    {
        var options = new VigilServerOptions("data");

        options.Urls.ShouldBe(["http://127.0.0.1:5000"]);
        Path.IsPathFullyQualified(options.DataDirectory).ShouldBeTrue();
        options.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("https://localhost:8443/")]
    [InlineData("http://*:5000")]
    [InlineData("http://+:80")]
    [InlineData("http://[::1]:5000")]
    public void Constructor_ListenUrls_Accepted(string url) =>
        new VigilServerOptions("data", urls: [url]).Urls.ShouldBe([url]);

    [Fact]
    public void Constructor_SeveralInvalidOptions_ReportsAllTogether()
    {
        var ex = Should.Throw<ArgumentException>(() =>
            new VigilServerOptions(" ", storeUri: "", urls: ["ftp://x:1", "http://host"], maxRequestBodyBytes: 0, maxUploadBytes: -1, shutdownTimeout: TimeSpan.FromSeconds(-1)));

        foreach (var part in new[] { "dataDirectory", "storeUri", "ftp://x:1", "http://host", "maxRequestBodyBytes", "maxUploadBytes", "shutdownTimeout" })
        {
            ex.Message.ShouldContain(part);
        }
    }

    [Fact]
    public void Constructor_ServingOptions_DefaultsAndValidation()
    {
        var defaults = new VigilServerOptions("data");
        defaults.Models.ShouldBeEmpty();
        defaults.PollInterval.ShouldBe(TimeSpan.FromSeconds(5));
        defaults.DriftThreshold.ShouldBe(0.1);
        defaults.MaxBatchRows.ShouldBe(10_000);
        defaults.MicroBatchDelay.ShouldBe(TimeSpan.Zero);
        defaults.LogLevel.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);

        var ex = Should.Throw<ArgumentException>(() => new VigilServerOptions(
            "data", models: ["pdm@champion", " "], pollInterval: TimeSpan.Zero, driftThreshold: 1.5, maxBatchRows: 0,
            microBatchDelay: TimeSpan.FromSeconds(2), logLevel: (Microsoft.Extensions.Logging.LogLevel)42));
        foreach (var part in new[] { "models", "pollInterval", "driftThreshold", "maxBatchRows", "microBatchDelay", "logLevel" })
        {
            ex.Message.ShouldContain(part);
        }
    }

    [Fact]
    public void ServerSettings_InvalidHostAndPort_ThrowsNamingBoth()
    {
        var ex = Should.Throw<ArgumentException>(() => new Vigil.Server.Configuration.ServerSettings("data", host: "no such host!", port: 70000));

        ex.Message.ShouldContain("host");
        ex.Message.ShouldContain("port");
    }

    [Fact]
    public void Create_UnsupportedStoreScheme_ThrowsBeforeBinding()
    {
        using var dir = new Vigil.Testing.TempDirectory();

        Should.Throw<ArgumentException>(() => VigilServer.Create(new VigilServerOptions(dir.Path, storeUri: "mysql://x/y"), TimeProvider.System));
    }
}
