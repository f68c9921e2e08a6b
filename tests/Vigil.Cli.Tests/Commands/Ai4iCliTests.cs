using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class Ai4iCliTests
{
    [Fact]
    public void IngestThenValidate_RealAi4i_FlagsTheFiveFailureModeColumns()
    {
        var ai4i = RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv");
        using var dir = new TempDirectory();

        var ingest = CliRunner.Run(dir.Path, "ingest", ai4i, "--name", "ai4i", "--target", "Machine failure", "--json");
        ingest.ExitCode.ShouldBe(0, ingest.ToString());
        ingest.Json().GetProperty("rows").GetInt64().ShouldBe(10_000);
        ingest.Json().GetProperty("quarantined_rows").GetInt64().ShouldBe(0);

        var validate = CliRunner.Run(dir.Path, "validate", "ai4i", "--json");
        validate.ExitCode.ShouldBe(0, validate.ToString());
        var suspects = validate.Json().GetProperty("report").GetProperty("leakage_suspects")
            .EnumerateArray().Select(s => s.GetProperty("column").GetString()).Order(StringComparer.Ordinal).ToArray();
        suspects.ShouldBe(["HDF", "OSF", "PWF", "RNF", "TWF"]);

        var text = CliRunner.Run(dir.Path, "validate", "ai4i");
        text.ExitCode.ShouldBe(0, text.ToString());
        text.Stdout.ShouldContain("leak", Case.Insensitive);
        text.Stdout.ShouldContain("TWF");
    }
}
