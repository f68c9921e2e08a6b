using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class RulCommandTests
{
    [Fact]
    public void TrainRul_OfficialFd001Protocol_ReportsCappedAndUncappedScores()
    {
        var train = RepoPaths.RequireSharedFile("data", "cmapss", "train_FD001.txt");
        var test = RepoPaths.RequireSharedFile("data", "cmapss", "test_FD001.txt");
        var truth = RepoPaths.RequireSharedFile("data", "cmapss", "RUL_FD001.txt");
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "train", train, "--task", "rul", "--format", "cmapss", "--test", test, "--test-rul", truth,
            "--window", "30", "--rul-cap", "125", "--model", "gbdt", "--seed", "0", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var doc = r.Json();
        doc.GetProperty("test_units").GetInt32().ShouldBe(100);
        doc.GetProperty("train_windows").GetInt32().ShouldBe(17_731);
        var rmse = doc.GetProperty("test").GetProperty("rmse").GetDouble();
        rmse.ShouldBeInRange(8, 16);
        doc.GetProperty("test").GetProperty("r2").GetDouble().ShouldBeGreaterThan(0.8);
        doc.GetProperty("test").GetProperty("phm08").GetDouble().ShouldBeGreaterThan(0);
        doc.GetProperty("test_uncapped").GetProperty("rmse").GetDouble().ShouldBeGreaterThan(rmse);
        File.Exists(doc.GetProperty("model_file").GetString()).ShouldBeTrue();
    }

    [Fact]
    public void TrainRul_WithoutTestFiles_ExitsOneNamingThem()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("train.txt"), "1 1 0 0 100 " + string.Join(' ', Enumerable.Repeat("1.0", 21)) + "\n");

        var r = CliRunner.Run(dir.Path, "train", dir.File("train.txt"), "--task", "rul");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("--test");
        r.Stderr.ShouldContain("--test-rul");
    }
}
