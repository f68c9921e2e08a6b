using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class CliBasicsTests
{
    [Fact]
    public void Help_Root_ListsEveryVerbAndExitsZero()
    {
        var r = CliRunner.RunWith(null, null, "--help");

        r.ExitCode.ShouldBe(0, r.ToString());
        foreach (var verb in new[] { "ingest", "validate", "datasets", "generate", "clean", "train", "evaluate", "features", "predict", "demo", "--data-dir" })
        {
            r.Stdout.ShouldContain(verb);
        }
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("validate")]
    [InlineData("datasets")]
    [InlineData("generate")]
    [InlineData("demo")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("predict")]
    public void Help_EveryVerb_ExitsZero(string verb)
    {
        var r = CliRunner.RunWith(null, null, verb, "--help");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("Usage");
    }

    [Fact]
    public void Run_UnknownVerb_ExitsOne()
    {
        var r = CliRunner.RunWith(null, null, "frobnicate");

        r.ExitCode.ShouldBe(1, r.ToString());
    }

    [Fact]
    public void Ingest_MissingFile_ExitsOneWithOneLineCause()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "ingest", dir.File("nope.csv"), "--name", "x");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("nope.csv");
        r.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Ingest_BadName_ExitsOneNamingTheField()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), "x,y\n1,2\n");

        var r = CliRunner.Run(dir.Path, "ingest", dir.File("a.csv"), "--name", "bad name!");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("name");
    }

    [Fact]
    public void DataDir_FromEnvironment_IsUsed()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), "x,y\n1,2\n3,4\n");
        var env = new Dictionary<string, string> { ["VIGIL_DATA_DIR"] = dir.File("envdata") };

        var r = CliRunner.RunWith(null, env, "ingest", dir.File("a.csv"), "--name", "a", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        File.Exists(Path.Combine(dir.File("envdata"), "vigil.db")).ShouldBeTrue();
    }

    [Fact]
    public void Ingest_EmptyFile_ExitsOneNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("empty.csv"), string.Empty);

        var r = CliRunner.Run(dir.Path, "ingest", dir.File("empty.csv"), "--name", "e");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("empty.csv");
        r.Stderr.ShouldContain("line 1");
    }

    [Fact]
    public void Validate_UnknownDataset_ExitsOneWithHint()
    {
        using var dir = new TempDirectory();

        var r = CliRunner.Run(dir.Path, "validate", "nothing-here");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("nothing-here");
        r.Stderr.ShouldContain("vigil datasets list");
    }
}
