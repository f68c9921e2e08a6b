using Shouldly;
using Vigil.Data.Csv;
using Vigil.Testing;
using Xunit;

namespace Vigil.Data.Tests.Csv;

public sealed class QuarantineFileTests
{
    [Fact]
    public void Write_QuarantinedRows_CsvWithLineReasonRaw()
    {
        var result = CsvTestInput.Read("a,b\n1,2\n3\n\"4\nx\",5,6\n7,8\n");
        using var dir = new TempDirectory();
        var path = dir.File("quarantine.csv");

        QuarantineFile.Write(path, result.Quarantined);

        File.ReadAllText(path).ShouldBe(
            "line,reason,raw\n"
            + "3,\"line 3: expected 2 fields, found 1\",\"3\"\n"
            + "4,\"line 4: expected 2 fields, found 3\",\"\"\"4\nx\"\",5,6\"\n");
    }

    [Fact]
    public void Write_ThenRead_RoundTripsRows()
    {
        QuarantinedRow[] rows = [new(12, "line 12: expected 3 fields, found 2", "a,\"b\""), new(40, "line 40, column 'x': 'y' is not a number", "1,y,3")];
        using var dir = new TempDirectory();
        var path = dir.File("q.csv");

        QuarantineFile.Write(path, rows);
        var back = CsvReader.ReadFile(path, ct: TestContext.Current.CancellationToken);

        back.Frame.ColumnNames.ShouldBe(["line", "reason", "raw"]);
        back.Frame["raw"].GetValue(0).ShouldBe("a,\"b\"");
        back.Frame["line"].GetValue(1).ShouldBe(40.0);
    }
}
