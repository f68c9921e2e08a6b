using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_FastJson_TrainsSavesAndReportsMetrics()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "demo", "--fast", "--seed", "7", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var doc = r.Json();
        doc.GetProperty("seed").GetInt32().ShouldBe(7);
        var data = doc.GetProperty("data");
        data.GetProperty("dataset").GetString().ShouldBe("ai4i-demo@1");
        data.GetProperty("rows").GetInt64().ShouldBe(3000);
        var suspects = data.GetProperty("leakage_suspects").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        suspects.ShouldBeSubsetOf(["TWF", "HDF", "PWF", "OSF", "RNF"]);
        suspects.ShouldContain("TWF");
        suspects.ShouldContain("OSF");

        var training = doc.GetProperty("training");
        var features = training.GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToList();
        features.ShouldNotContain("TWF");
        features.ShouldNotContain("UDI");
        features.ShouldContain("Tool wear [min]");
        features.ShouldContain(f => f!.Contains('*', StringComparison.Ordinal), "automatic features add at least one product");
        features.ShouldAllBe(f => !f!.Contains("TWF", StringComparison.Ordinal) && !f.Contains("UDI", StringComparison.Ordinal));
        var test = training.GetProperty("test");
        foreach (var key in new[] { "accuracy", "precision", "recall", "f1", "f1_macro", "roc_auc", "pr_auc" })
        {
            test.GetProperty(key).GetDouble().ShouldBeInRange(0, 1, key);
        }

        test.GetProperty("roc_auc").GetDouble().ShouldBeGreaterThan(0.8);
        File.Exists(training.GetProperty("model_file").GetString()).ShouldBeTrue();
        File.Exists(training.GetProperty("metrics_file").GetString()).ShouldBeTrue();
        r.Stderr.ShouldContain("leakage");

        var rul = doc.GetProperty("rul");
        rul.GetProperty("model").GetString().ShouldBe("cnn-lstm");
        rul.GetProperty("test_units").GetInt32().ShouldBeGreaterThan(0);
        rul.GetProperty("last_window").GetProperty("rmse").GetDouble().ShouldBeGreaterThan(0);
        rul.GetProperty("last_window").GetProperty("phm08").GetDouble().ShouldBeGreaterThan(0);
        rul.GetProperty("dropped_columns").EnumerateArray().Select(e => e.GetString()).ShouldContain("s4");
        File.Exists(rul.GetProperty("model_file").GetString()).ShouldBeTrue();
    }

    [Fact]
    public void Demo_Text_NarratesEveryStepOnStdout()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "demo", "--fast");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("1. Data");
        r.Stdout.ShouldContain("WARNING leakage");
        r.Stdout.ShouldContain("2. Train");
        r.Stdout.ShouldContain("ROC-AUC");
    }

    [Fact]
    public void Demo_TooFewRows_ExitsOneNamingTheFlag()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "demo", "--rows", "10");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("--rows");
    }
}
