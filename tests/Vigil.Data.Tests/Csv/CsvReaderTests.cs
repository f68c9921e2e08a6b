using System.Text;
using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Csv.CsvTestInput;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_QuotedFieldsWithEscapedQuotesAndDelimiters_Unescapes()
    {
        var result = Read("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\nplain,\"\"\"\"\n");

        var note = result.Frame["note"];
        result.Frame["name"].GetValue(0).ShouldBe("Smith, J");
        note.GetValue(0).ShouldBe("said \"hi\"");
        note.GetValue(1).ShouldBe("\"");
        result.Quarantined.ShouldBeEmpty();
    }

    [Fact]
    public void Read_EmbeddedNewlines_KeepsThemAndCountsPhysicalLines()
    {
        var result = Read("id,text\n1,\"two\nlines\"\n2,\"cr\r\nlf\"\n3,x,extra\n");

        result.Frame.RowCount.ShouldBe(2);
        result.Frame["text"].GetValue(0).ShouldBe("two\nlines");
        result.Frame["text"].GetValue(1).ShouldBe("cr\r\nlf");
        result.Quarantined.Single().LineNumber.ShouldBe(6);
        result.Quarantined.Single().Reason.ShouldBe("line 6: expected 2 fields, found 3");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Read_LineEndings_AllSplitRecords(string eol)
    {
        var result = Read($"a,b{eol}1,2{eol}3,4{eol}");

        result.Frame.RowCount.ShouldBe(2);
        result.Frame.Get<Float64Column>("b")[1].ShouldBe(4);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Température,b\n1,2\n")];

        var result = Read(bytes);

        result.Frame.ColumnNames.ShouldBe(["Température", "b"]);
        result.Summary.BytesRead.ShouldBe(bytes.Length);
    }

    [Fact]
    public void Read_NoTrailingNewlineOrTrailingBlankLines_SameFrame()
    {
        Read("a,b\n1,2").Frame.RowCount.ShouldBe(1);
        var trailing = Read("a,b\n1,2\n\n\n");
        trailing.Frame.RowCount.ShouldBe(1);
        trailing.Summary.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_BlankLineBetweenRecords_SkippedWithWarning()
    {
        var result = Read("a,b\n1,2\n\n3,4\n5,x,6\n");

        result.Frame.RowCount.ShouldBe(2);
        result.Quarantined.Single().LineNumber.ShouldBe(5);
        result.Summary.Warnings.ShouldContain(w => w.Contains("1 blank lines"));
    }

    [Fact]
    public void Read_RaggedRows_QuarantinedWithLineNumbersAndRawText()
    {
        var result = Read("a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n");

        result.Frame.RowCount.ShouldBe(2);
        result.Quarantined.Select(q => q.LineNumber).ShouldBe([3L, 5L]);
        result.Quarantined[0].Reason.ShouldBe("line 3: expected 3 fields, found 2");
        result.Quarantined[0].RawText.ShouldBe("4,5");
        result.Summary.RowsRead.ShouldBe(4);
        result.Summary.RowsAccepted.ShouldBe(2);
        result.Summary.RowsQuarantined.ShouldBe(2);
    }

    [Fact]
    public void Read_UnterminatedQuoteAtEnd_QuarantinesThatLineOnly()
    {
        var result = Read("a,b\n1,2\n3,\"open\n5,6\n");

        result.Quarantined.Single().LineNumber.ShouldBe(3);
        result.Quarantined.Single().Reason.ShouldContain("unterminated quoted field");
        result.Quarantined.Single().RawText.ShouldBe("3,\"open");
        result.Frame.Get<Float64Column>("a").ToArray().ShouldBe([1.0, 5.0]);
    }

    [Fact]
    public void Read_CharacterAfterClosingQuote_Quarantined()
    {
        var result = Read("a,b\n1,2\n\"3\"x,4\n");

        result.Quarantined.Single().Reason.ShouldBe("line 3: unexpected character after a closing quote");
    }

    [Fact]
    public void Read_RecordOverByteLimit_QuarantinedAndReadingResumes()
    {
        var options = new CsvReadOptions(maxRecordBytes: 64);
        var csv = "a,b\n1,2\n" + new string('x', 500) + ",3\n4,5\n";

        var result = Read(csv, options);

        result.Quarantined.Single().LineNumber.ShouldBe(3);
        result.Quarantined.Single().Reason.ShouldContain("exceeds the limit of 64 bytes");
        result.Frame.RowCount.ShouldBe(2);
    }

    [Fact]
    public void Read_FieldOverLengthLimit_Quarantined()
    {
        var result = Read("a,b\n1,x\n2," + new string('y', 20) + "\n", new CsvReadOptions(maxFieldLength: 10));

        result.Quarantined.Single().Reason.ShouldBe("line 3, column 'b': field is 20 bytes, over the limit of 10");
    }

    [Fact]
    public void Read_MissingTokens_BecomeMissingInEveryKind()
    {
        var result = Read("x,flag,when,label\n1.5,true,2024-01-01,a\nNA,,null,NA\nnan,None,N/A,\"NA\"\n2,false,2024-01-02,a\n");

        var x = result.Frame.Get<Float64Column>("x");
        double.IsNaN(x[1]).ShouldBeTrue();
        double.IsNaN(x[2]).ShouldBeTrue();
        result.Frame["flag"].IsMissing(1).ShouldBeTrue();
        result.Frame["when"].IsMissing(2).ShouldBeTrue();
        result.Frame["label"].IsMissing(1).ShouldBeTrue();
        result.Frame["label"].GetValue(2).ShouldBe("NA"); // a quoted token in a text column is text
    }

    [Fact]
    public void Read_CustomMissingTokens_ReplaceDefaults()
    {
        var result = Read("x,y\n-999,a\n1,NA\n2,b\n", new CsvReadOptions(missingTokens: ["-999", ""]));

        double.IsNaN(result.Frame.Get<Float64Column>("x")[0]).ShouldBeTrue();
        result.Frame["y"].GetValue(1).ShouldBe("NA");
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_DelimiterNotGiven_DetectsIt(char delimiter)
    {
        var d = delimiter.ToString();
        var csv = $"a{d}b{d}c\n1{d}\"x{d}y\"{d}3\n4{d}z{d}6\n";

        var result = Read(csv);

        result.Summary.Delimiter.ShouldBe(delimiter);
        result.Frame.ColumnCount.ShouldBe(3);
        result.Frame["b"].GetValue(0).ShouldBe($"x{d}y");
    }

    [Fact]
    public void Read_SemicolonFileWithCommasInText_PrefersConsistentSemicolon()
    {
        var result = Read("name;score\nAda, L;1\nAlan;2\nGrace, H, M;3\n");

        result.Summary.Delimiter.ShouldBe(';');
        result.Frame["name"].GetValue(2).ShouldBe("Grace, H, M");
    }

    [Fact]
    public void Read_GivenDelimiter_IsUsed()
    {
        var result = Read("a;b\n1;2\n", new CsvReadOptions(delimiter: ','));

        result.Frame.ColumnNames.ShouldBe(["a;b"]);
    }

    [Fact]
    public void Read_TextHeaderOverNumbers_DetectsHeader()
    {
        var result = Read("temp,rpm\n298.1,1551\n298.2,1408\n");

        result.Summary.HasHeader.ShouldBeTrue();
        result.Frame.ColumnNames.ShouldBe(["temp", "rpm"]);
        result.Frame.RowCount.ShouldBe(2);
    }

    [Fact]
    public void Read_AllNumericFirstRow_NoHeaderAndGeneratedNames()
    {
        var result = Read("1,2,3\n4,5,6\n");

        result.Summary.HasHeader.ShouldBeFalse();
        result.Frame.ColumnNames.ShouldBe(["column_1", "column_2", "column_3"]);
        result.Frame.RowCount.ShouldBe(2);
    }

    [Fact]
    public void Read_AllTextColumns_AssumesHeader()
    {
        var result = Read("city,country\nParis,France\nLima,Peru\n");

        result.Summary.HasHeader.ShouldBeTrue();
        result.Frame.ColumnNames.ShouldBe(["city", "country"]);
    }

    [Fact]
    public void Read_HasHeaderFalse_KeepsFirstRowAsData()
    {
        var result = Read("city,country\nParis,France\n", new CsvReadOptions(hasHeader: false));

        result.Frame.RowCount.ShouldBe(2);
        result.Frame["column_1"].GetValue(0).ShouldBe("city");
    }

    [Fact]
    public void Read_DuplicateAndEmptyHeaders_RenamedWithWarnings()
    {
        var result = Read("a,a,,b,a\n1,2,3,4,5\n");

        result.Frame.ColumnNames.ShouldBe(["a", "a_2", "column_3", "b", "a_3"]);
        result.Summary.Warnings.Count(w => w.Contains("renamed")).ShouldBe(2);
        result.Summary.Warnings.ShouldContain(w => w.Contains("empty header"));
    }

    [Fact]
    public void Read_HeaderOnly_EmptyFrameWithColumns()
    {
        var result = Read("a,b\n");

        result.Frame.ColumnNames.ShouldBe(["a", "b"]);
        result.Frame.RowCount.ShouldBe(0);
        result.Summary.RowsRead.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\r\n")]
    public void Read_EmptyInput_ThrowsWithLine(string csv)
    {
        var ex = Should.Throw<CsvFormatException>(() => Read(csv));

        ex.LineNumber.ShouldBe(1);
        ex.Message.ShouldContain("line 1");
    }

    [Fact]
    public void Read_EveryRowBad_ThrowsNamingFirstBadLine()
    {
        var ex = Should.Throw<CsvFormatException>(() => Read("a,b,c\n1,2\n3,4\n", new CsvReadOptions(hasHeader: true)));

        ex.LineNumber.ShouldBe(2);
        ex.Message.ShouldContain("line 2");
    }

    [Fact]
    public void Read_InvalidUtf8Header_Throws()
    {
        byte[] bytes = [(byte)'a', 0xFF, (byte)',', (byte)'b', (byte)'\n', (byte)'1', (byte)',', (byte)'2', (byte)'\n'];

        var ex = Should.Throw<CsvFormatException>(() => Read(bytes, new CsvReadOptions(hasHeader: true)));

        ex.Message.ShouldContain("line 1: the header is not valid UTF-8");
    }

    [Fact]
    public void Read_InvalidUtf8InText_ReplacedWithWarning()
    {
        byte[] bytes = [.. "a,b\n1,x"u8, 0xFF, .. "\n2,y\n3,x\n"u8];

        var result = Read(bytes);

        result.Frame["b"].GetValue(0).ShouldBe("x\uFFFD");
        result.Summary.Warnings.ShouldContain(w => w.Contains("not valid UTF-8"));
    }

    [Fact]
    public void Read_NonSeekableStream_BuffersAndReads()
    {
        using var stream = new NonSeekableStream(Encoding.UTF8.GetBytes("a,b\n1,2\n3,4\n"));

        var result = CsvReader.Read(stream, ct: TestContext.Current.CancellationToken);

        result.Frame.RowCount.ShouldBe(2);
    }

    [Fact]
    public void ReadFile_ReportsProgressUpToOne()
    {
        using var dir = new Vigil.Testing.TempDirectory();
        var path = dir.File("p.csv");
        File.WriteAllText(path, "a,b\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},{i * 2}\n")));
        var reports = new List<double>();

        var result = CsvReader.ReadFile(path, progress: new SyncProgress(reports.Add), ct: TestContext.Current.CancellationToken);

        result.Frame.RowCount.ShouldBe(50_000);
        reports.ShouldNotBeEmpty();
        reports.ShouldBeInOrder();
        reports[^1].ShouldBe(1.0);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        var csv = "a,b\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},{i}\n"));

        Should.Throw<OperationCanceledException>(() =>
            CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ct: new CancellationToken(canceled: true)));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
