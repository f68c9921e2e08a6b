using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class RulWorkflowCliTests
{
    private static string Generate(TempDirectory dir)
    {
        var csv = dir.File("deg.csv");
        var r = CliRunner.Run(dir.Path, "generate", "degradation", "--units", "12", "--seed", "3", "--min-life", "50", "--max-life", "80", "--output", csv);
        r.ExitCode.ShouldBe(0, r.ToString());
        return csv;
    }

    private static CliResult Train(TempDirectory dir, string csv, string model, params string[] extra) =>
        CliRunner.Run(dir.Path, ["train", csv, "--task", "rul", "--group", "unit", "--time", "cycle", "--window", "10", "--rul-cap", "40", "--model", "gbdt", "--seed", "0", "--out", model, "--json", .. extra]);

    [Fact]
    public void TrainRul_GeneratedData_UnitSplitJson_ThenEvaluateAndPredict()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);
        var model = dir.File("rul.vigil");

        var r = Train(dir, csv, model);

        r.ExitCode.ShouldBe(0, r.ToString());
        var doc = r.Json();
        doc.GetProperty("task").GetString().ShouldBe("rul");
        doc.GetProperty("split").GetProperty("kind").GetString().ShouldBe("group");
        doc.GetProperty("split").GetProperty("test_units").GetInt32().ShouldBe(2);
        doc.GetProperty("dropped_columns").GetProperty("s4").GetString()!.ShouldContain("constant");
        doc.GetProperty("sensors").GetArrayLength().ShouldBe(10);
        doc.GetProperty("holdout").GetProperty("all_windows").GetProperty("rmse").GetDouble().ShouldBeGreaterThan(0);
        doc.GetProperty("holdout").GetProperty("last_window").GetProperty("phm08").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        doc.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        r.Stderr.ShouldNotContain("WARNING");
        File.Exists(model).ShouldBeTrue();

        var e = CliRunner.Run(dir.Path, "evaluate", model, csv);
        e.ExitCode.ShouldBe(0, e.ToString());
        foreach (var metric in new[] { "RMSE", "MAE", "R²", "PHM08" })
        {
            e.Stdout.ShouldContain(metric);
        }

        var ej = CliRunner.Run(dir.Path, "evaluate", model, csv, "--json");
        ej.ExitCode.ShouldBe(0, ej.ToString());
        var metrics = ej.Json().GetProperty("metrics");
        foreach (var key in new[] { "rmse", "mae", "r2", "phm08" })
        {
            metrics.GetProperty(key).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number, key);
        }

        var p = CliRunner.Run(dir.Path, "predict", "--model", model, "--input", csv, "--output", dir.File("pred.csv"));
        p.ExitCode.ShouldBe(0, p.ToString());
        var lines = File.ReadAllLines(dir.File("pred.csv"));
        lines[0].ShouldBe("unit,cycle,predicted_rul");
        lines.Length.ShouldBe(1 + 12);

        var pw = CliRunner.Run(dir.Path, "predict", "--model", model, "--input", csv, "--output", dir.File("windows.csv"), "--all-windows", "--json");
        pw.ExitCode.ShouldBe(0, pw.ToString());
        pw.Json().GetProperty("rows").GetInt32().ShouldBeGreaterThan(12 * 30);
    }

    [Fact]
    public void TrainRul_RandomSplit_WarnsOnStderrAndInJson()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);

        var r = Train(dir, csv, dir.File("leaky.vigil"), "--split", "random");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("WARNING --split random");
        r.Stderr.ShouldContain("0.89");
        var warnings = r.Json().GetProperty("warnings");
        warnings.GetArrayLength().ShouldBe(1);
        warnings[0].GetString()!.ShouldContain("overlapping windows");
    }

    [Fact]
    public void TrainRul_WithoutGroup_ExitsOneNamingTheOption()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);

        var r = CliRunner.Run(dir.Path, "train", csv, "--task", "rul", "--time", "cycle");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("--group");
    }

    [Fact]
    public void TrainRul_UnknownFamily_ExitsOneNamingTheModel()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);

        var r = CliRunner.Run(dir.Path, "train", csv, "--task", "rul", "--group", "unit", "--time", "cycle", "--model", "transformer");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("--model transformer");
    }

    [Theory]
    [InlineData("cnn-lstm")]
    [InlineData("gld")]
    public void TrainRul_NeuralFamily_TrainsSavesEvaluatesAndPredicts(string family)
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);
        var model = dir.File("nn.vigil");

        var r = CliRunner.Run(dir.Path, ["train", csv, "--task", "rul", "--group", "unit", "--time", "cycle", "--window", "10", "--rul-cap", "40", "--model", family, "--seed", "1", "--out", model, "--json"]);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Json().GetProperty("holdout").GetProperty("all_windows").GetProperty("rmse").GetDouble().ShouldBeGreaterThan(0);
        var ej = CliRunner.Run(dir.Path, "evaluate", model, csv, "--json");
        ej.ExitCode.ShouldBe(0, ej.ToString());
        ej.Json().GetProperty("metrics").GetProperty("rmse").GetDouble().ShouldBeLessThan(40);
        var p = CliRunner.Run(dir.Path, "predict", "--model", model, "--input", csv, "--output", dir.File("pred.csv"));
        p.ExitCode.ShouldBe(0, p.ToString());
        File.ReadAllLines(dir.File("pred.csv")).Length.ShouldBe(13);
    }

    [Fact]
    public void Fd001_TrainThenEvaluateOfficialProtocol_GivesTheSameScores()
    {
        var train = RepoPaths.RequireSharedFile("data", "cmapss", "train_FD001.txt");
        var test = RepoPaths.RequireSharedFile("data", "cmapss", "test_FD001.txt");
        var truth = RepoPaths.RequireSharedFile("data", "cmapss", "RUL_FD001.txt");
        using var dir = new TempDirectory();
        var model = dir.File("fd001.vigil");

        var r = CliRunner.Run(dir.Path, "train", train, "--task", "rul", "--format", "cmapss", "--test", test, "--test-rul", truth, "--model", "gbdt", "--out", model, "--json");
        r.ExitCode.ShouldBe(0, r.ToString());
        var e = CliRunner.Run(dir.Path, "evaluate", model, test, "--format", "cmapss", "--test-rul", truth, "--json");

        e.ExitCode.ShouldBe(0, e.ToString());
        var doc = e.Json();
        doc.GetProperty("protocol").GetString().ShouldBe("last_window");
        doc.GetProperty("units").GetInt32().ShouldBe(100);
        doc.GetProperty("metrics").GetProperty("rmse").GetDouble().ShouldBe(r.Json().GetProperty("test").GetProperty("rmse").GetDouble(), 1e-9);
        doc.GetProperty("metrics_uncapped").GetProperty("phm08").GetDouble().ShouldBeGreaterThan(0);
    }
}
