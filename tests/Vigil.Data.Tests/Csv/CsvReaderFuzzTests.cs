using System.Diagnostics;
using System.Text;
using Shouldly;
using Vigil.Data.Csv;
using Xunit;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvReaderFuzzTests
{
    private const int Cases = 12_000;
    private static readonly byte[] Specials = "\",;\t|\r\n\n  .-e0123456789aNTtrue"u8.ToArray();

    // The timeout fails the test instead of hanging the suite should the reader ever loop forever.
    [Fact(Timeout = 120_000)]
    public Task Read_RandomAndMutatedInputs_ParseOrThrowCsvFormatExceptionOnly() =>
        Task.Run(RunCases, TestContext.Current.CancellationToken);

    private static void RunCases()
    {
        var random = new Random(20_240_601);
        var bases = Enumerable.Range(0, 40).Select(_ => ValidCsv(random)).ToArray();
        var watch = Stopwatch.StartNew();
        int parsed = 0, rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var input = i % 5 == 0 ? RandomBytes(random) : Mutate(random, bases[random.Next(bases.Length)]);
            var options = random.Next(4) == 0
                ? new CsvReadOptions(maxRecordBytes: 64 + random.Next(64), maxFieldLength: 1 + random.Next(32), inferenceSampleRows: 1 + random.Next(5))
                : CsvReadOptions.Default;
            try
            {
                var result = CsvReader.Read(new MemoryStream(input), options, ct: TestContext.Current.CancellationToken);
                var lines = input.Count(b => b is (byte)'\n' or (byte)'\r') + 1;
                result.Quarantined.ShouldAllBe(q => q.LineNumber >= 1 && q.LineNumber <= lines, Describe(i, input));
                result.Summary.RowsRead.ShouldBe(result.Summary.RowsAccepted + result.Summary.RowsQuarantined, Describe(i, input));
                result.Frame.RowCount.ShouldBe((int)result.Summary.RowsAccepted, Describe(i, input));
                parsed++;
            }
            catch (CsvFormatException ex)
            {
                ex.Message.ShouldContain("line", Case.Sensitive, Describe(i, input));
                ex.LineNumber.ShouldBeGreaterThanOrEqualTo(1, Describe(i, input));
                rejected++;
            }
            catch (Exception ex) when (ex is not Shouldly.ShouldAssertException)
            {
                Assert.Fail($"{Describe(i, input)} threw {ex}");
            }
        }

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        parsed.ShouldBeGreaterThan(Cases / 4);
        rejected.ShouldBeGreaterThan(0);
    }

    private static string Describe(int i, byte[] input) => $"case {i}: {Convert.ToHexString(input)}";

    private static byte[] ValidCsv(Random random)
    {
        var cols = random.Next(1, 5);
        var rows = random.Next(0, 8);
        var d = ",;\t|"[random.Next(4)].ToString();
        var eol = new[] { "\n", "\r\n", "\r" }[random.Next(3)];
        var sb = new StringBuilder();
        if (random.Next(4) == 0)
        {
            sb.Append('\uFEFF');
        }

        sb.AppendJoin(d, Enumerable.Range(0, cols).Select(c => $"c{c}")).Append(eol);
        for (var r = 0; r < rows; r++)
        {
            sb.AppendJoin(d, Enumerable.Range(0, cols).Select(c => ((c + r) % 4) switch
            {
                0 => (random.NextDouble() * 100).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                1 => $"\"q{d}\"\"{r}\nx\"",
                2 => random.Next(2) == 0 ? "true" : "NA",
                _ => $"2024-01-{random.Next(1, 28):00}",
            })).Append(eol);
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 96)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(3) == 0 ? (byte)random.Next(256) : Specials[random.Next(Specials.Length)];
        }

        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = new List<byte>(source);
        for (var m = random.Next(1, 5); m > 0; m--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0:
                    bytes.Insert(at, Specials[random.Next(Specials.Length)]);
                    break;
                case 1 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 2 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 3:
                    bytes.Insert(at, (byte)'"');
                    break;
                case 4 when at < bytes.Count:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, bytes.Take(random.Next(Math.Min(bytes.Count, 20) + 1)).ToArray());
                    break;
            }
        }

        return [.. bytes];
    }
}
