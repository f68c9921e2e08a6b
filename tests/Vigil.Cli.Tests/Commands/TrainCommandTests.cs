using System.Text.Json;
using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    private static string Generate(TempDirectory dir, int rows = 2000)
    {
        var csv = dir.File("m.csv");
        CliRunner.Run(dir.Path, "generate", "ai4i", "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "5", "--out", csv).ExitCode.ShouldBe(0);
        return csv;
    }

    [Fact]
    public void TrainEvaluatePredict_Classification_ReportsTheContractKeysAndScoresAFile()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);
        CliRunner.Run(dir.Path, "ingest", csv, "--name", "m", "--target", "Machine failure").ExitCode.ShouldBe(0);

        var train = CliRunner.Run(dir.Path, "train", "m", "--model", "tree", "--param", "max_depth=6", "--seed", "1", "--json");

        train.ExitCode.ShouldBe(0, train.ToString());
        var doc = train.Json();
        doc.GetProperty("task").GetString().ShouldBe("classification");
        doc.GetProperty("split").GetProperty("test_rows").GetInt32().ShouldBe(400);
        var test = doc.GetProperty("test");
        foreach (var key in new[] { "accuracy", "precision", "recall", "f1", "f1_macro", "roc_auc", "pr_auc" })
        {
            test.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Number, key);
        }

        doc.GetProperty("excluded_columns").TryGetProperty("TWF", out _).ShouldBeTrue();
        var model = doc.GetProperty("model_file").GetString()!;
        File.Exists(model).ShouldBeTrue();

        var evaluate = CliRunner.Run(dir.Path, "evaluate", model, "m", "--json");
        evaluate.ExitCode.ShouldBe(0, evaluate.ToString());
        evaluate.Json().GetProperty("metrics").GetProperty("roc_auc").GetDouble().ShouldBeGreaterThan(0.5);

        var output = dir.File("scored.csv");
        var predict = CliRunner.Run(dir.Path, "predict", "--model", model, "--input", csv, "--output", output, "--json");
        predict.ExitCode.ShouldBe(0, predict.ToString());
        predict.Json().GetProperty("rows").GetInt32().ShouldBe(2000);
        var lines = File.ReadAllLines(output);
        lines.Length.ShouldBe(2001);
        lines[0].ShouldEndWith("prediction,probability_0,probability_1");
    }

    [Fact]
    public void Train_SameSeedTwice_IdenticalMetrics()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir, 1500);

        var a = CliRunner.Run(dir.Path, "train", csv, "--target", "Machine failure", "--seed", "3", "--json");
        var b = CliRunner.Run(dir.Path, "train", csv, "--target", "Machine failure", "--seed", "3", "--json");

        a.ExitCode.ShouldBe(0, a.ToString());
        a.Json().GetProperty("test").GetRawText().ShouldBe(b.Json().GetProperty("test").GetRawText());
    }

    [Theory]
    [InlineData("--model", "nope", "Unknown model 'nope'")]
    [InlineData("--param", "max_depth=deep", "max_depth=deep")]
    [InlineData("--param", "bogus=1", "Unknown parameter 'bogus'")]
    [InlineData("--target", "Nope", "Column 'Nope' is not in the data")]
    public void Train_BadArgument_ExitsOneNamingIt(string flag, string value, string expected)
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir, 600);
        var args = new List<string> { "train", csv, "--target", "Machine failure" };
        if (flag == "--target")
        {
            args[3] = value;
        }
        else
        {
            args.AddRange([flag, value]);
        }

        var r = CliRunner.Run(dir.Path, [.. args]);

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain(expected);
    }

    [Fact]
    public void Predict_InputMissingColumns_ExitsOneNamingThem()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir, 600);
        var train = CliRunner.Run(dir.Path, "train", csv, "--target", "Machine failure", "--json");
        File.WriteAllText(dir.File("other.csv"), "a,b\n1,2\n");

        var r = CliRunner.Run(dir.Path, "predict", "--model", train.Json().GetProperty("model_file").GetString()!, "--input", dir.File("other.csv"), "--output", dir.File("o.csv"));

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("Torque [Nm]");
    }

    [Fact]
    public void Evaluate_CorruptModelFile_ExitsOne()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.vigil"), "not a model");
        File.WriteAllText(dir.File("d.csv"), "x,y\n1,0\n2,1\n");

        var r = CliRunner.Run(dir.Path, "evaluate", dir.File("bad.vigil"), dir.File("d.csv"));

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("bad.vigil");
    }

    [Fact]
    public void Train_CvTuneThreshold_JsonCarriesEachSection()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir, 1200);

        var r = CliRunner.Run(dir.Path, "train", csv, "--target", "Machine failure", "--cv", "3", "--tune", "random", "--trials", "4", "--tune-threshold", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var doc = r.Json();
        doc.GetProperty("cv").GetProperty("roc_auc").GetProperty("mean").GetDouble().ShouldBeInRange(0, 1);
        doc.GetProperty("tuning").GetProperty("trials").GetInt32().ShouldBe(4);
        doc.GetProperty("tuning").GetProperty("best_params").TryGetProperty("max_depth", out _).ShouldBeTrue();
        doc.GetProperty("decision_threshold").GetDouble().ShouldBe(doc.GetProperty("test").GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void Predict_FileLargerThanOneChunk_StreamsEveryRowWithOneHeader()
    {
        using var dir = new TempDirectory();
        var small = Generate(dir, 800);
        var train = CliRunner.Run(dir.Path, "train", small, "--target", "Machine failure", "--json");
        var big = dir.File("big.csv");
        CliRunner.Run(dir.Path, "generate", "ai4i", "--rows", "70000", "--seed", "9", "--out", big).ExitCode.ShouldBe(0);

        var r = CliRunner.Run(dir.Path, "predict", "--model", train.Json().GetProperty("model_file").GetString()!, "--input", big, "--output", dir.File("scored.csv"), "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Json().GetProperty("rows").GetInt64().ShouldBe(70_000);
        var lines = File.ReadLines(dir.File("scored.csv")).ToList();
        lines.Count.ShouldBe(70_001);
        lines.Count(l => l.StartsWith("UDI,", StringComparison.Ordinal)).ShouldBe(1);
        lines[^1].Split(',').Length.ShouldBe(lines[0].Split(',').Length);
    }
}
