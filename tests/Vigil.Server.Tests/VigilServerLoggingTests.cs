using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Shouldly;
using Vigil.Server.Configuration;
using Vigil.Testing;
using Xunit;

namespace Vigil.Server.Tests;

public sealed class VigilServerLoggingTests
{
    [Theory]
    [InlineData(null, LogLevel.Warning)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("error", LogLevel.Error)]
    public async Task Create_LogLevelSetting_IsTheConsoleLoggersMinimum(string? setting, LogLevel expected)
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string?>();
        if (setting is not null)
        {
            env["LOG_LEVEL"] = setting;
        }

        var settings = ServerSettingsLoader.Load(new ServerFlags { DataDir = dir.Path }, env);
        await using var server = VigilServer.Create(settings.Options, new FakeTimeProvider(), b => b.WebHost.UseTestServer());

        // Only the console provider is registered, and it writes every level to stderr.
        server.App.Services.GetServices<ILoggerProvider>().ShouldHaveSingleItem().ShouldBeOfType<ConsoleLoggerProvider>();
        server.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConsoleLoggerOptions>>().Value
            .LogToStandardErrorThreshold.ShouldBe(LogLevel.Trace);
        var logger = server.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Server.Tests");
        logger.IsEnabled(expected).ShouldBeTrue();
        if (expected > LogLevel.Trace)
        {
            logger.IsEnabled(expected - 1).ShouldBeFalse();
        }
    }
}
