namespace Vigil.Bench.Scale;

/// <summary>
/// A seeded synthetic binary-classification set written once to a binary file that both Vigil and the Python peer
/// read: int64 n_train, n_test, p; float64 X row-major ((n_train + n_test) × p); float64 labels. Features are
/// standard normal; the label is 1 iff x0 + 0.8·x1 − 0.6·x2 + 0.5·x3·x4 + 0.3·sin(3·x5) + 0.5·noise &gt; 0; the
/// other features are noise.
/// </summary>
internal static class ScaleData
{
    public static void Write(string path, int trainRows, int testRows, int columns, int seed)
    {
        var random = new Random(seed);
        var n = trainRows + testRows;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream);
        writer.Write((long)trainRows);
        writer.Write((long)testRows);
        writer.Write((long)columns);
        var labels = new double[n];
        var row = new double[columns];
        for (var r = 0; r < n; r++)
        {
            for (var f = 0; f < columns; f++)
            {
                row[f] = Gaussian(random);
                writer.Write(row[f]);
            }

            var score = row[0] + (0.8 * row[1]) - (0.6 * row[2]) + (0.5 * row[3] * row[4]) + (0.3 * Math.Sin(3 * row[5])) + (0.5 * Gaussian(random));
            labels[r] = score > 0 ? 1 : 0;
        }

        foreach (var y in labels)
        {
            writer.Write(y);
        }
    }

    public static (double[] X, double[] Y, int TrainRows, int TestRows, int Columns) Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var trainRows = (int)reader.ReadInt64();
        var testRows = (int)reader.ReadInt64();
        var columns = (int)reader.ReadInt64();
        var n = trainRows + testRows;
        var x = new double[(long)n * columns];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.AsSpan()));
        var y = new double[n];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(y.AsSpan()));
        return (x, y, trainRows, testRows, columns);
    }

    private static double Gaussian(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
