using System.Text;
using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Xunit;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvReaderChunkTests : IDisposable
{
    private const string Mixed =
        "id,score,flag,at,colour,note\n" +
        "1,0.5,true,2024-01-01,red,plain\n" +
        "2,1.5,false,2024-01-02,blue,\"two\nlines\"\n" +
        "3,oops,true,2024-01-03,red,bad number\n" +
        "4,2.5,,2024-01-04,green,\"a, b\"\n" +
        "5,3.5,true\n" +
        "\n" +
        "6,NA,false,2024-01-06T10:00:00,blue,\"three\r\nline\nfield\"\n" +
        "7,4.5,maybe,2024-01-07,red,bad bool\n" +
        "8,5.5,true,2024-01-08,,x\n" +
        "9,6.5,false,2024-01-09,green,\"q\"\"uote\"\n" +
        "10,7.5,true,2024-01-10,red,last\n";

    private readonly List<string> _paths = [];

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void ReadChunks_Concatenated_EqualsReadFile(int chunkRows)
    {
        var path = Write(Mixed);
        var whole = CsvReader.ReadFile(path);

        var chunks = CsvReader.ReadChunks(path, chunkRows: chunkRows).ToList();

        whole.Summary.WidenedColumns.ShouldBeEmpty();
        chunks.ShouldAllBe(c => c.Frame.RowCount <= chunkRows);
        chunks.ShouldAllBe(c => c.Summary.RowsRead == c.Summary.RowsAccepted + c.Summary.RowsQuarantined);
        foreach (var chunk in chunks)
        {
            chunk.Summary.Columns.ShouldBe(whole.Summary.Columns);
            chunk.Frame.Columns.Select(c => c.Kind).ShouldBe(whole.Frame.Columns.Select(c => c.Kind));
        }

        Rows(chunks.Select(c => c.Frame)).ShouldBe(Rows([whole.Frame]));
        chunks.SelectMany(c => c.Quarantined).ShouldBe(whole.Quarantined);
        chunks.Sum(c => c.Summary.RowsRead).ShouldBe(whole.Summary.RowsRead);
        chunks.Sum(c => c.Summary.RowsQuarantined).ShouldBe(whole.Summary.RowsQuarantined);
    }

    [Fact]
    public void ReadChunks_MultiLineRecordsAcrossBoundaries_KeepFileLineNumbers()
    {
        var path = Write("a,b\n1,\"x\ny\nz\"\n2,\"p\nq\"\n3\n4,\"m\nn\",extra\n5,ok\n");

        var chunks = CsvReader.ReadChunks(path, chunkRows: 1).ToList();

        // A chunk also ends after chunkRows quarantined records, so the two bad records each close a chunk.
        chunks.Select(c => c.Frame.RowCount).ShouldBe([1, 1, 0, 0, 1]);
        chunks[0].Frame["b"].GetValue(0).ShouldBe("x\ny\nz");
        chunks[1].Frame["b"].GetValue(0).ShouldBe("p\nq");
        chunks[1].Quarantined.ShouldBeEmpty();
        chunks.SelectMany(c => c.Quarantined).Select(q => q.LineNumber).ShouldBe([7L, 8L]);
        chunks[2].Quarantined.Single().Reason.ShouldBe("line 7: expected 2 fields, found 1");
        chunks[3].Quarantined.Single().RawText.ShouldBe("4,\"m\nn\",extra");
        chunks[4].Frame["a"].GetValue(0).ShouldBe(5.0);
        chunks[4].Quarantined.ShouldBeEmpty();
    }

    [Fact]
    public void ReadChunks_CategoricalValues_KindStableAndValuesPerChunk()
    {
        var sb = new StringBuilder("k,v\n");
        for (var i = 0; i < 300; i++)
        {
            sb.Append(i < 100 ? "abc"[i % 3] : (char)('d' + (i % 5))).Append(',').Append(i).Append('\n');
        }

        var path = Write(sb.ToString());

        var chunks = CsvReader.ReadChunks(path, chunkRows: 100).ToList();

        chunks.Count.ShouldBe(3);
        chunks.ShouldAllBe(c => c.Frame["k"].Kind == ColumnKind.Categorical);
        chunks[0].Frame.Get<CategoricalColumn>("k").Categories.ShouldBe(["a", "b", "c"]);
        chunks[2].Frame.Get<CategoricalColumn>("k").Categories.Count.ShouldBe(5);
        chunks[2].Frame["k"].GetValue(0).ShouldBe("d");
    }

    [Fact]
    public void ReadChunks_TypedColumnFailingOften_QuarantinesInsteadOfWidening()
    {
        var sb = new StringBuilder("x,y\n");
        for (var i = 1; i <= 20; i++)
        {
            sb.Append(i).Append(',').Append(i <= 10 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "t" + i).Append('\n');
        }

        var path = Write(sb.ToString());
        var options = new CsvReadOptions(inferenceSampleRows: 10);

        CsvReader.ReadFile(path, options).Summary.WidenedColumns.ShouldBe(["y"]);
        var chunks = CsvReader.ReadChunks(path, options, chunkRows: 4).ToList();

        chunks.ShouldAllBe(c => c.Frame["y"].Kind == ColumnKind.Float64);
        chunks.Sum(c => c.Frame.RowCount).ShouldBe(10);
        chunks.SelectMany(c => c.Quarantined).Select(q => q.LineNumber).ShouldBe(Enumerable.Range(12, 10).Select(i => (long)i));
        chunks.ShouldAllBe(c => c.Summary.WidenedColumns.Count == 0 && c.Summary.Passes == 1);
    }

    [Fact]
    public void ReadChunks_ForcedKinds_AreUsed()
    {
        var path = Write("a,b\n1,2\n3,4\n");
        var options = new CsvReadOptions(columnKinds: new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.String });

        var chunks = CsvReader.ReadChunks(path, options, chunkRows: 1).ToList();

        chunks.Count.ShouldBe(2);
        chunks.ShouldAllBe(c => c.Frame["a"].Kind == ColumnKind.String && c.Frame["b"].Kind == ColumnKind.Float64);
        chunks[1].Frame["a"].GetValue(0).ShouldBe("3");
    }

    [Fact]
    public void ReadChunks_HeaderOnly_YieldsOneEmptyChunk()
    {
        var path = Write("a,b\n");

        var chunks = CsvReader.ReadChunks(path).ToList();

        chunks.Single().Frame.RowCount.ShouldBe(0);
        chunks.Single().Frame.ColumnNames.ShouldBe(CsvReader.ReadFile(path).Frame.ColumnNames);
    }

    [Fact]
    public void ReadChunks_EmptyFile_ThrowsLikeReadFile()
    {
        var path = Write(string.Empty);

        Should.Throw<CsvFormatException>(() => CsvReader.ReadFile(path));
        Should.Throw<CsvFormatException>(() => CsvReader.ReadChunks(path).ToList());
    }

    [Fact]
    public void ReadChunks_EveryRowQuarantined_ThrowsLikeReadFile()
    {
        var path = Write("a,b\n1\n2\n3\n");
        var options = new CsvReadOptions(hasHeader: true, inferenceSampleRows: 1);

        var expected = Should.Throw<CsvFormatException>(() => CsvReader.ReadFile(path, options));
        var actual = Should.Throw<CsvFormatException>(() => CsvReader.ReadChunks(path, options, chunkRows: 1).ToList());

        actual.Message.ShouldBe(expected.Message);
        actual.Message.ShouldContain("every data row was quarantined (3)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ReadChunks_ChunkRowsBelowOne_ThrowsAtTheCall(int chunkRows) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CsvReader.ReadChunks("unused.csv", chunkRows: chunkRows));

    [Fact]
    public void ReadChunks_IsLazy_OpensTheFileOnEnumeration()
    {
        var chunks = CsvReader.ReadChunks(Path.Combine(Path.GetTempPath(), "vigil-missing-" + Guid.NewGuid().ToString("N") + ".csv"));

        Should.Throw<FileNotFoundException>(() => chunks.First());
    }

    [Fact]
    public void ReadChunks_Progress_RisesToOne()
    {
        var path = Write(Mixed);
        var progress = new SyncProgress();

        _ = CsvReader.ReadChunks(path, chunkRows: 2, progress: progress).ToList();

        progress.Values.ShouldNotBeEmpty();
        progress.Values.ShouldBe(progress.Values.Order().ToList());
        progress.Values[^1].ShouldBe(1.0);
    }

    [Fact]
    public void ReadChunks_Cancelled_Throws()
    {
        var path = Write(Mixed);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Should.Throw<OperationCanceledException>(() => CsvReader.ReadChunks(path, chunkRows: 1, ct: cts.Token).ToList());
    }

    private static List<string> Rows(IEnumerable<DataFrame> frames)
    {
        var rows = new List<string>();
        foreach (var frame in frames)
        {
            for (var i = 0; i < frame.RowCount; i++)
            {
                rows.Add(string.Join("|", frame.Columns.Select(c => c.IsMissing(i) ? "<NA>" : c.Format(i))));
            }
        }

        return rows;
    }

    private string Write(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), "vigil-chunks-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv, new UTF8Encoding(false));
        _paths.Add(path);
        return path;
    }

    private sealed class SyncProgress : IProgress<double>
    {
        public List<double> Values { get; } = [];

        public void Report(double value) => Values.Add(value);
    }
}
