using Shouldly;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Xunit;

namespace Vigil.Data.Tests.Cmapss;

public sealed class CmapssReaderTests
{
    [Fact]
    public void Read_TinyFile_Has26NamedFloatColumns()
    {
        var frame = TinyCmapss.Train();

        frame.ColumnNames.ShouldBe(["unit", "cycle", "setting1", "setting2", "setting3", .. Enumerable.Range(1, 21).Select(i => $"s{i}")]);
        frame.Columns.ShouldAllBe(c => c.Kind == ColumnKind.Float64);
        frame.RowCount.ShouldBe(7);
        frame.Get<Float64Column>("unit").ToArray().ShouldBe([1, 1, 1, 1, 1, 2, 2]);
        frame.Get<Float64Column>("s2").ToArray().ShouldBe([11, 21, 31, 41, 51, 12, 22]);
        frame.Get<Float64Column>("setting3")[0].ShouldBe(100);
    }

    [Fact]
    public void Read_ShortRow_ThrowsWithFileAndLine()
    {
        var text = TinyCmapss.Line(1, 1, 1, 1) + "\n" + string.Join(' ', Enumerable.Repeat("1", 25)) + "\n";

        Should.Throw<InvalidDataException>(() => CmapssReader.Read(new StringReader(text), "train_FD001.txt"))
            .Message.ShouldBe("train_FD001.txt line 2: expected 26 values, found 25.");
    }

    [Fact]
    public void Read_NonNumericValue_ThrowsWithFileLineAndValue()
    {
        var text = TinyCmapss.Line(1, 1, 1, 1).Replace("100", "abc", StringComparison.Ordinal);

        Should.Throw<InvalidDataException>(() => CmapssReader.Read(new StringReader(text), "test_FD001.txt"))
            .Message.ShouldBe("test_FD001.txt line 1: value 5 'abc' is not a number.");
    }

    [Fact]
    public void Read_Path_NamesTheFileNotTheDirectory()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-cmapss-");
        try
        {
            var path = Path.Combine(dir.FullName, "train_FD001.txt");
            File.WriteAllText(path, "1 2 3\n");

            Should.Throw<InvalidDataException>(() => CmapssReader.Read(path))
                .Message.ShouldBe("train_FD001.txt line 1: expected 26 values, found 3.");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadRul_ValuesPerLine_ReturnsThemInOrder() =>
        CmapssReader.ReadRul(new StringReader("112 \n98\n\n69\n"), "RUL_FD001.txt").ShouldBe([112, 98, 69]);

    [Fact]
    public void ReadRul_TwoValuesOnALine_ThrowsWithLine() =>
        Should.Throw<InvalidDataException>(() => CmapssReader.ReadRul(new StringReader("1\n2 3\n"), "RUL_FD001.txt"))
            .Message.ShouldBe("RUL_FD001.txt line 2: expected 1 value, found 2.");
}
