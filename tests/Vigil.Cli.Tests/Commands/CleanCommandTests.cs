using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Cli.Tests.Commands;

public sealed class CleanCommandTests
{
    [Fact]
    public void Clean_DirtyFile_WritesCleanedCsvReportAndQuarantine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("dirty.csv"), "machine,temp,mode,fail\nm1,10,Low,0\nm1,11,low ,0\nm1,,LOW,1\nm1,10,Low,0\nm2,12,High,1\n");

        var r = CliRunner.Run(dir.Path, "clean", dir.File("dirty.csv"), "--target", "fail", "--out", dir.File("clean.csv"), "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var doc = r.Json();
        doc.GetProperty("rows").GetInt32().ShouldBe(4);
        doc.GetProperty("quarantined_rows").GetInt32().ShouldBe(1);
        File.ReadAllText(doc.GetProperty("quarantine_file").GetString()!).ShouldContain("duplicate of row 1");
        var cleaned = File.ReadAllLines(dir.File("clean.csv"));
        cleaned.Length.ShouldBe(5);
        cleaned.Skip(1).ShouldAllBe(l => !l.Contains(",,", StringComparison.Ordinal));
        doc.GetProperty("report").GetProperty("format_version").GetInt32().ShouldBe(1);
    }
}
