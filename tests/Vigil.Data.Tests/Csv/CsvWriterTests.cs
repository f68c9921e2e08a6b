using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.Testing;
using Xunit;
using static Vigil.Data.Tests.Csv.CsvTestInput;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvWriterTests
{
    private static readonly string[] Levels = ["low", "mid", "high"];

    [Fact]
    public void Write_QuotesOnlyWhenNeeded()
    {
        var frame = new DataFrame([
            new StringColumn("text, with comma", ["plain", "a,b", "say \"x\"", "two\nlines", "", "NA", null]),
            new Float64Column("x", [1.5, double.NaN, 0.1 + 0.2, -0.0, 1e300, double.PositiveInfinity, 3]),
        ]);
        var writer = new StringWriter();

        CsvWriter.Write(frame, writer);

        writer.ToString().ShouldBe(
            "\"text, with comma\",x\nplain,1.5\n\"a,b\",\n\"say \"\"x\"\"\",0.30000000000000004\n\"two\nlines\",-0\n\"\",1E+300\n\"NA\",Infinity\n,3\n");
    }

    [Fact]
    public void WriteThenRead_AllKinds_SameValues()
    {
        var frame = SampleFrame();
        using var dir = new TempDirectory();
        var path = dir.File("frame.csv");

        CsvWriter.WriteFile(frame, path);
        var kinds = frame.Columns.ToDictionary(c => c.Name, c => c.Kind);
        var back = CsvReader.ReadFile(path, new CsvReadOptions(columnKinds: kinds), ct: TestContext.Current.CancellationToken);

        back.Quarantined.ShouldBeEmpty();
        AssertSameFrame(back.Frame, frame);
    }

    [Fact]
    public void WriteThenRead_WithoutOverrides_InfersSameKinds()
    {
        var frame = SampleFrame();
        var writer = new StringWriter();

        CsvWriter.Write(frame, writer);
        var back = Read(writer.ToString());

        AssertSameFrame(back.Frame, frame);
    }

    private static DataFrame SampleFrame()
    {
        const int n = 60;
        var random = new Random(7);
        var doubles = new double[n];
        var flags = new bool?[n];
        var ticks = new long[n];
        var text = new string?[n];
        var cats = new string?[n];
        for (var i = 0; i < n; i++)
        {
            doubles[i] = i % 13 == 0 ? double.NaN : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
            flags[i] = i % 11 == 0 ? null : random.Next(2) == 1;
            ticks[i] = i % 17 == 0 ? TimestampColumn.MissingTicks : new DateTime(2020, 1, 1).Ticks + (random.NextInt64(0, 1L << 50) * 7);
            text[i] = i % 19 == 0 ? null : i % 7 == 0 ? "" : $"t{i}, \"q\"\n{(char)('a' + (i % 26))}é";
            cats[i] = i % 9 == 0 ? null : i % 5 == 0 ? "NA" : Levels[i % 3];
        }

        return new DataFrame([
            new Float64Column("x", doubles),
            new BooleanColumn("flag", flags),
            new TimestampColumn("at", ticks),
            new StringColumn("note", text),
            CategoricalColumn.FromValues("level", cats),
        ]);
    }

    private static void AssertSameFrame(DataFrame actual, DataFrame expected)
    {
        actual.ColumnNames.ShouldBe(expected.ColumnNames);
        actual.RowCount.ShouldBe(expected.RowCount);
        for (var j = 0; j < expected.ColumnCount; j++)
        {
            actual[j].Kind.ShouldBe(expected[j].Kind, expected[j].Name);
            for (var i = 0; i < expected.RowCount; i++)
            {
                actual[j].GetValue(i).ShouldBe(expected[j].GetValue(i), $"{expected[j].Name}[{i}]");
            }
        }
    }
}
