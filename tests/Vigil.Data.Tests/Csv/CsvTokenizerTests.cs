using System.Text;
using Shouldly;
using Vigil.Data.Csv;
using Xunit;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvTokenizerTests
{
    [Fact]
    public void Read_TrickledInputWithSmallBuffer_SameRecordsAsWholeInput()
    {
        var random = new Random(3);
        var sb = new StringBuilder();
        for (var r = 0; r < 400; r++)
        {
            var eol = new[] { "\n", "\r\n", "\r" }[random.Next(3)];
            var fields = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(5) switch
            {
                0 => "\"a\"\"b\r\nc,d\"",
                1 => new string('x', random.Next(0, 300)),
                2 => "",
                3 => "\"\"",
                _ => random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            });
            sb.AppendJoin(',', fields).Append(eol);
            if (random.Next(20) == 0)
            {
                sb.Append(eol);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());

        var whole = Tokenize(new MemoryStream(bytes), 1 << 20);
        var trickled = Tokenize(new TrickleStream(bytes, new Random(5)), 1024);

        trickled.ShouldBe(whole);
        whole.Count.ShouldBeGreaterThan(300);
    }

    [Fact]
    public void Read_CrLfSplitAcrossReads_CountsOneLine()
    {
        var bytes = "a\r\nb\r\nc"u8.ToArray();

        var records = Tokenize(new TrickleStream(bytes, new Random(1), maxChunk: 1), 1024);

        records.ShouldBe(["1:a", "2:b", "3:c", "blank=0 bytes=7"]);
    }

    private static List<string> Tokenize(Stream stream, int bufferSize)
    {
        var result = new List<string>();
        using var tokenizer = new CsvTokenizer(stream, (byte)',', 1 << 20, 100, bufferSize);
        while (tokenizer.Read())
        {
            var fields = Enumerable.Range(0, tokenizer.FieldCount)
                .Select(i => (tokenizer.IsQuoted(i) ? "Q" : string.Empty) + Encoding.UTF8.GetString(tokenizer.Field(i)));
            result.Add($"{tokenizer.LineNumber}:{string.Join('|', fields)}");
        }

        result.Add($"blank={tokenizer.BlankLines} bytes={tokenizer.BytesConsumed}");
        return result;
    }

    private sealed class TrickleStream(byte[] data, Random random, int maxChunk = 7) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, random.Next(1, maxChunk + 1)));
    }
}
