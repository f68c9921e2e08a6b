using System.Text;
using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Csv.CsvTestInput;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvReaderInferenceTests
{
    [Fact]
    public void Read_MixedColumns_InfersEachKind()
    {
        var sb = new StringBuilder("num,flag,when,cat,text\n");
        for (var i = 0; i < 40; i++)
        {
            sb.Append(CultureInvariant($"{i * 0.5},{(i % 2 == 0 ? "true" : "False")},2024-03-{i % 28 + 1:00}T10:00:00Z,{"LMH"[i % 3]},id-{i}\n"));
        }

        var result = Read(sb.ToString());

        result.Summary.Columns.Select(c => c.Kind).ShouldBe(
            [ColumnKind.Float64, ColumnKind.Boolean, ColumnKind.Timestamp, ColumnKind.Categorical, ColumnKind.String]);
        result.Frame.Get<BooleanColumn>("flag")[1].ShouldBe(false);
        result.Frame.Get<CategoricalColumn>("cat").Categories.ShouldBe(["L", "M", "H"]);
    }

    [Theory]
    [InlineData("2024-03-05", "2024-03-05T00:00:00Z")]
    [InlineData("2024-03-05T10:20", "2024-03-05T10:20:00Z")]
    [InlineData("2024-03-05 10:20:30", "2024-03-05T10:20:30Z")]
    [InlineData("2024-03-05T10:20:30.1234567Z", "2024-03-05T10:20:30.1234567Z")]
    [InlineData("2024-03-05T10:20:30.5+02:00", "2024-03-05T08:20:30.5Z")]
    [InlineData("2024-03-05T01:00:00-0130", "2024-03-05T02:30:00Z")]
    public void Read_IsoTimestamps_ParsedToUtc(string text, string expectedUtc)
    {
        var result = Read($"t\n{text}\n{text}\n");

        var column = result.Frame.Get<TimestampColumn>("t");
        column[0].ShouldBe(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("2024-01-01T24:00")]
    [InlineData("2024-01-01T10:00:00.")]
    [InlineData("2024-01-01Tx")]
    [InlineData("2024-01-01T10:00+15:00")]
    public void TryParseTimestamp_Invalid_ReturnsFalse(string text) =>
        CsvValueParser.TryParseTimestamp(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse();

    [Fact]
    public void Read_BadValueInTypedColumn_QuarantinedWithLocatedReason()
    {
        var sb = new StringBuilder("id,Torque [Nm]\n");
        for (var i = 0; i < 200; i++)
        {
            sb.Append(CultureInvariant($"{i},{40 + i * 0.1}\n"));
        }

        sb.Append("200,abc\n");

        var result = Read(sb.ToString());

        result.Frame["Torque [Nm]"].Kind.ShouldBe(ColumnKind.Float64);
        result.Quarantined.Single().Reason.ShouldBe("line 202, column 'Torque [Nm]': 'abc' is not a number");
        result.Summary.WidenedColumns.ShouldBeEmpty();
        result.Summary.Passes.ShouldBe(1);
    }

    [Fact]
    public void Read_ManyBadValuesAfterSample_WidensToTextAndKeepsRows()
    {
        var sb = new StringBuilder("id,code\n");
        for (var i = 0; i < 100; i++)
        {
            sb.Append(CultureInvariant($"{i},{i}\n"));
        }

        for (var i = 100; i < 200; i++)
        {
            sb.Append(CultureInvariant($"{i},{(i % 10 == 0 ? $"X{i}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n"));
        }

        var result = Read(sb.ToString(), new CsvReadOptions(inferenceSampleRows: 50));

        result.Quarantined.ShouldBeEmpty();
        result.Frame.RowCount.ShouldBe(200);
        result.Summary.WidenedColumns.ShouldBe(["code"]);
        result.Summary.Passes.ShouldBe(2);
        result.Frame["code"].Kind.ShouldBe(ColumnKind.String);
        result.Frame["code"].GetValue(110).ShouldBe("X110");
        result.Frame["code"].GetValue(111).ShouldBe("111");
        result.Summary.Warnings.ShouldContain(w => w.Contains("column 'code'") && w.Contains("read as text"));
    }

    [Fact]
    public void Read_WideningOnNonSeekableStream_ReReadsFromTemporaryCopy()
    {
        var sb = new StringBuilder("id,code\n");
        for (var i = 0; i < 100; i++)
        {
            sb.Append(CultureInvariant($"{i},{(i < 20 ? "1" : $"c{i % 4}")}\n"));
        }

        using var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(sb.ToString()));
        var result = CsvReader.Read(stream, new CsvReadOptions(inferenceSampleRows: 10), ct: TestContext.Current.CancellationToken);

        result.Summary.Passes.ShouldBe(2);
        result.Quarantined.ShouldBeEmpty();
        result.Frame["code"].Kind.ShouldBe(ColumnKind.Categorical);
        result.Frame["code"].GetValue(21).ShouldBe("c1");
    }

    [Fact]
    public void Read_FewBadValuesAfterSample_QuarantinesInsteadOfWidening()
    {
        var sb = new StringBuilder("id,x\n");
        for (var i = 0; i < 1000; i++)
        {
            sb.Append(CultureInvariant($"{i},{(i is 500 or 700 ? "oops" : "1.5")}\n"));
        }

        var result = Read(sb.ToString(), new CsvReadOptions(inferenceSampleRows: 100));

        result.Quarantined.Select(q => q.LineNumber).ShouldBe([502L, 702L]);
        result.Frame["x"].Kind.ShouldBe(ColumnKind.Float64);
    }

    [Fact]
    public void Read_ColumnEmptyInSample_WidensOnFirstText()
    {
        var sb = new StringBuilder("id,comment\n");
        for (var i = 0; i < 30; i++)
        {
            sb.Append(CultureInvariant($"{i},{(i == 25 ? "checked" : "")}\n"));
        }

        var result = Read(sb.ToString(), new CsvReadOptions(inferenceSampleRows: 10));

        result.Quarantined.ShouldBeEmpty();
        result.Frame["comment"].GetValue(25).ShouldBe("checked");
    }

    [Fact]
    public void Read_ColumnKindsOverride_IsRespectedAndNeverWidened()
    {
        var result = Read("zip,v\n01234,1\n98765,x\n", new CsvReadOptions(columnKinds: new Dictionary<string, ColumnKind>
        {
            ["zip"] = ColumnKind.String,
            ["v"] = ColumnKind.Float64,
        }));

        result.Frame["zip"].GetValue(0).ShouldBe("01234");
        result.Quarantined.Single().Reason.ShouldBe("line 3, column 'v': 'x' is not a number");
    }

    [Fact]
    public void Read_ManyDistinctTextValues_IsStringNotCategorical()
    {
        var sb = new StringBuilder("id,name\n");
        for (var i = 0; i < 300; i++)
        {
            sb.Append(CultureInvariant($"{i},n{i % 150}\n"));
        }

        Read(sb.ToString()).Frame["name"].Kind.ShouldBe(ColumnKind.String);
    }

    [Fact]
    public void Read_CategoricalOverDictionaryCap_DemotedToString()
    {
        var sb = new StringBuilder("id,label\n");
        for (var i = 0; i < 200; i++)
        {
            sb.Append(CultureInvariant($"{i},{(i < 100 ? "ab"[i % 2].ToString() : $"v{i}")}\n"));
        }

        var result = Read(sb.ToString(), new CsvReadOptions(inferenceSampleRows: 50, categoricalMaxDistinct: 10, categoricalDictionaryCap: 20));

        result.Frame["label"].Kind.ShouldBe(ColumnKind.String);
        result.Frame["label"].GetValue(150).ShouldBe("v150");
        result.Summary.Warnings.ShouldContain(w => w.Contains("more than 20 distinct"));
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
