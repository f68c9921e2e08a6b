using System.Text.Json;
using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class TrackingCommandsTests
{
    private static string Generate(TempDirectory dir)
    {
        var csv = dir.File("m.csv");
        CliRunner.Run(dir.Path, "generate", "ai4i", "--rows", "1500", "--seed", "5", "--out", csv).ExitCode.ShouldBe(0);
        CliRunner.Run(dir.Path, "ingest", csv, "--name", "m", "--target", "Machine failure").ExitCode.ShouldBe(0);
        return csv;
    }

    [Fact]
    public void Train_RecordsRunWithLineageAndRegisters_ThenPromoteAndRollbackMoveTheAlias()
    {
        using var dir = new TempDirectory();
        Generate(dir);

        var first = CliRunner.Run(dir.Path, "train", "m", "--model", "tree", "--cv", "3", "--experiment", "pdm", "--register", "pdm-m", "--alias", "champion", "--json");
        first.ExitCode.ShouldBe(0, first.ToString());
        var doc = first.Json();
        var runId = doc.GetProperty("run_id").GetString()!;
        runId.Length.ShouldBe(32);
        doc.GetProperty("experiment_id").GetString().ShouldNotBe("0");
        doc.GetProperty("registered_model").GetProperty("version").GetInt32().ShouldBe(1);

        var show = CliRunner.Run(dir.Path, "runs", "show", runId, "--json");
        show.ExitCode.ShouldBe(0, show.ToString());
        var run = show.Json();
        run.GetProperty("status").GetString().ShouldBe("FINISHED");
        run.GetProperty("params").GetProperty("model").GetString().ShouldBe("tree");
        run.GetProperty("params").GetProperty("seed").GetString().ShouldBe("0");
        run.GetProperty("tags").GetProperty("vigil.task").GetString().ShouldBe("classification");
        run.GetProperty("tags").GetProperty("vigil.model_family").GetString().ShouldBe("tree");
        run.GetProperty("metrics").GetProperty("test_f1").ValueKind.ShouldBe(JsonValueKind.Number);
        run.GetProperty("metrics").GetProperty("cv_roc_auc_mean").ValueKind.ShouldBe(JsonValueKind.Number);
        var input = run.GetProperty("inputs")[0];
        input.GetProperty("name").GetString().ShouldBe("m");
        input.GetProperty("version").GetString().ShouldBe("1");
        input.GetProperty("digest").GetString()!.Length.ShouldBe(64);

        var second = CliRunner.Run(dir.Path, "train", "m", "--model", "gbdt", "--experiment", "pdm", "--register", "pdm-m", "--json");
        second.ExitCode.ShouldBe(0, second.ToString());
        var secondRun = second.Json().GetProperty("run_id").GetString()!;

        var list = CliRunner.Run(dir.Path, "runs", "list", "--experiment", "pdm", "--filter", "params.model = 'gbdt'", "--json").Json();
        list.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("run_id").GetString()).ShouldBe([secondRun]);

        var compare = CliRunner.Run(dir.Path, "runs", "compare", runId, secondRun, "--json");
        compare.ExitCode.ShouldBe(0, compare.ToString());
        compare.Json().GetProperty("differing_params").EnumerateArray().Select(p => p.GetString()).ShouldContain("model");

        var promote = CliRunner.Run(dir.Path, "models", "promote", "pdm-m", "2", "--reason", "better f1", "--stage-production", "--json");
        promote.ExitCode.ShouldBe(0, promote.ToString());
        promote.Json().GetProperty("from_version").GetInt32().ShouldBe(1);
        promote.Json().GetProperty("stage").GetString().ShouldBe("Production");

        var rollback = CliRunner.Run(dir.Path, "models", "rollback", "pdm-m", "--reason", "regression", "--json");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        rollback.Json().GetProperty("to_version").GetInt32().ShouldBe(1);

        var model = CliRunner.Run(dir.Path, "models", "show", "pdm-m", "--json").Json();
        model.GetProperty("aliases").GetProperty("champion").GetInt32().ShouldBe(1);
        var audit = model.GetProperty("audit").EnumerateArray().ToList();
        audit.ShouldContain(e => e.GetProperty("reason").GetString() == "regression" && e.GetProperty("action").GetString() == "SetAlias");

        var versions = CliRunner.Run(dir.Path, "models", "versions", "pdm-m", "--json").Json();
        var v1 = versions.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1);
        v1.GetProperty("run_id").GetString().ShouldBe(runId);
        v1.GetProperty("source").GetString()!.ShouldEndWith($"{runId}/artifacts/model");
        v1.GetProperty("signature").GetProperty("columns").GetArrayLength().ShouldBeGreaterThan(0);

        CliRunner.Run(dir.Path, "models", "alias", "pdm-m", "challenger", "2").ExitCode.ShouldBe(0);
        CliRunner.Run(dir.Path, "models", "alias", "pdm-m", "challenger", "--delete").ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("runs", "show", "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef")]
    [InlineData("models", "show", "nope", "nope")]
    [InlineData("models", "versions", "nope", "nope")]
    [InlineData("models", "rollback", "nope", "nope")]
    public void UnknownThings_ExitOneWithOneLineNamingThem(string group, string verb, string what, string named)
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, group, verb, what);

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.Trim().Split('\n').Length.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain(named);
    }

    [Fact]
    public void Train_WhenTrainingFails_RecordsAFailedRun()
    {
        using var dir = new TempDirectory();
        var csv = Generate(dir);

        var r = CliRunner.Run(dir.Path, "train", csv, "--target", "no such column", "--json");

        r.ExitCode.ShouldBe(1, r.ToString());
        var runs = CliRunner.Run(dir.Path, "runs", "list", "--json").Json().GetProperty("runs").EnumerateArray().ToList();
        runs.Count.ShouldBe(1);
        runs[0].GetProperty("status").GetString().ShouldBe("FAILED");
        runs[0].GetProperty("inputs")[0].GetProperty("source_type").GetString().ShouldBe("local");
    }
}
