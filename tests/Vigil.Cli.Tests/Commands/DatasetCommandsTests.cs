using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class DatasetCommandsTests
{
    [Fact]
    public void GenerateIngestValidate_Ai4iDemoData_RoundTripsAsJson()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("m.csv");

        var gen = CliRunner.Run(dir.Path, "generate", "ai4i", "--rows", "2000", "--seed", "3", "--out", csv, "--json");
        gen.ExitCode.ShouldBe(0, gen.ToString());
        gen.Json().GetProperty("rows").GetInt32().ShouldBe(2000);

        var ingest = CliRunner.Run(dir.Path, "ingest", csv, "--name", "m", "--target", "Machine failure", "--json");
        ingest.ExitCode.ShouldBe(0, ingest.ToString());
        var doc = ingest.Json();
        doc.GetProperty("reference").GetString().ShouldBe("m@1");
        doc.GetProperty("rows").GetInt64().ShouldBe(2000);
        doc.GetProperty("reused").GetBoolean().ShouldBeFalse();
        doc.GetProperty("sha256").GetString()!.Length.ShouldBe(64);

        var again = CliRunner.Run(dir.Path, "ingest", csv, "--name", "m", "--json");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Json().GetProperty("reused").GetBoolean().ShouldBeTrue();
        again.Json().GetProperty("version").GetInt32().ShouldBe(1);

        var validate = CliRunner.Run(dir.Path, "validate", "m", "--json");
        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Json().GetProperty("target").GetString().ShouldBe("Machine failure");

        var list = CliRunner.Run(dir.Path, "datasets", "list", "--json");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Json().GetProperty("datasets").GetArrayLength().ShouldBe(1);

        var show = CliRunner.Run(dir.Path, "datasets", "show", "m@1", "--json");
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Json().GetProperty("profile").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);
    }

    [Fact]
    public void Ingest_ChangedContent_GetsNextVersion()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), "x,y\n1,2\n3,4\n");
        File.WriteAllText(dir.File("b.csv"), "x,y\n1,2\n3,5\n");

        CliRunner.Run(dir.Path, "ingest", dir.File("a.csv"), "--name", "d", "--json").ExitCode.ShouldBe(0);
        var second = CliRunner.Run(dir.Path, "ingest", dir.File("b.csv"), "--name", "d", "--json");

        second.ExitCode.ShouldBe(0, second.ToString());
        second.Json().GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Ingest_MalformedRows_QuarantinedWithLineAndReason()
    {
        using var dir = new TempDirectory();
        // 100 good rows, plus a short row at line 3 and a non-number at line 5.
        var lines = new List<string> { "a,b,c", "1,2,3", "4,5", "6,7,8", "9,oops,10" };
        lines.AddRange(Enumerable.Range(0, 100).Select(i => $"{i},{i + 1},{i + 2}"));
        File.WriteAllText(dir.File("bad.csv"), string.Join('\n', lines) + "\n");

        var r = CliRunner.Run(dir.Path, "ingest", dir.File("bad.csv"), "--name", "bad", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var doc = r.Json();
        doc.GetProperty("quarantined_rows").GetInt64().ShouldBe(2);
        var quarantine = doc.GetProperty("quarantine_file").GetString()!;
        var text = File.ReadAllText(quarantine);
        text.ShouldStartWith("line,reason,raw");
        text.ShouldContain("\n3,");
        text.ShouldContain("\n5,");
        text.ShouldContain("oops");
    }
}
