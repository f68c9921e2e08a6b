using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class FeaturesCommandTests
{
    [Fact]
    public void TrainWithSpec_ExplainShowsThePipeline_PredictComputesItFromRawColumns()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("m.csv");
        CliRunner.Run(dir.Path, "generate", "ai4i", "--rows", "1500", "--seed", "2", "--out", csv).ExitCode.ShouldBe(0);
        File.WriteAllText(dir.File("f.yaml"), "version: 1\nsteps:\n  - kmeans: {columns: [\"Torque [Nm]\", \"Rotational speed [rpm]\"], k: 3}\n");

        var train = CliRunner.Run(dir.Path, "train", csv, "--target", "Machine failure", "--model", "gbdt", "--features", dir.File("f.yaml"), "--json");
        train.ExitCode.ShouldBe(0, train.ToString());
        var model = train.Json().GetProperty("model_file").GetString()!;
        train.Json().GetProperty("features").EnumerateArray().Select(e => e.GetString()).ShouldContain("cluster_distance");

        var explain = CliRunner.Run(dir.Path, "features", "explain", model, "--json");
        explain.ExitCode.ShouldBe(0, explain.ToString());
        explain.Json().GetProperty("pipeline")[0].GetString()!.ShouldStartWith("1. kmeans");
        explain.Json().GetProperty("importances").GetArrayLength().ShouldBe(train.Json().GetProperty("features").GetArrayLength());

        var predict = CliRunner.Run(dir.Path, "predict", "--model", model, "--input", csv, "--output", dir.File("out.csv"), "--json");
        predict.ExitCode.ShouldBe(0, predict.ToString());
        File.ReadAllLines(dir.File("out.csv")).Length.ShouldBe(1501);
    }

    [Fact]
    public void Train_BadSpec_ExitsOneWithTheLocatedError()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("d.csv"), "x,y\n1,0\n2,1\n3,0\n4,1\n");
        File.WriteAllText(dir.File("f.yaml"), "version: 1\nsteps:\n  - kmean: {k: 2}\n");

        var r = CliRunner.Run(dir.Path, "train", dir.File("d.csv"), "--target", "y", "--features", dir.File("f.yaml"));

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("line 3");
        r.Stderr.ShouldContain("kmeans");
    }
}
