using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Bench.Peers;
using Vigil.ML.Neural;

namespace Vigil.Bench.Gemm;

/// <summary>
/// <c>gemm [--runs 7] [--no-peer]</c>: GFLOP/s of <see cref="Vigil.ML.Neural.Gemm"/> on the recurrent/convolutional
/// training and inference shapes (all four transpose combinations) on its AVX-512 and AVX2 code paths, side by side with
/// numpy float32 matmul and OpenBLAS' cblas_sgemm called directly, both single-threaded (bench/peers/gemm_peer.py).
/// Every number is the median (and, in parentheses, the best) of <c>runs</c> batches, each batch long enough (≥ 20 ms)
/// to swamp the timer; the best batch shows the uncontended speed on a shared machine.
/// </summary>
internal static class GemmBenchmark
{
    public const string Command = "gemm";

    private const double MinBatchSeconds = 0.020;

    // B = 128 sequences per worker, T = 30 steps, H = 64 hidden, 4H = 256 gate columns (GRU: 3H = 192), inputs 14 or 64.
    private static readonly Shape[] Shapes =
    [
        new("input projection, in=14", false, false, 3840, 256, 14, 14, 256, 256, false),
        new("input projection, in=32", false, false, 3840, 256, 32, 32, 256, 256, false),
        new("input projection, in=64", false, false, 3840, 256, 64, 64, 256, 256, false),
        new("GRU input projection, in=32", false, false, 3840, 192, 32, 32, 192, 192, false),
        new("recurrent step (strided, +=)", false, false, 128, 256, 64, 30 * 64, 256, 30 * 256, true),
        new("dHprev = dG·Whhᵀ (strided)", false, true, 128, 64, 256, 30 * 256, 256, 64, false),
        new("dW += Xᵀ·dG, in=14", true, false, 14, 256, 3840, 14, 256, 256, true),
        new("dW += Xᵀ·dG, in=64", true, false, 64, 256, 3840, 64, 256, 256, true),
        new("dX = dG·Wᵀ, in=14", false, true, 3840, 14, 256, 256, 256, 14, false),
        new("dX = dG·Wᵀ, in=64", false, true, 3840, 64, 256, 256, 256, 64, false),
        new("inference step, m=1 (+=)", false, false, 1, 256, 64, 64, 256, 256, true),
        new("inference window, m=30", false, false, 30, 256, 64, 64, 256, 256, false),
        new("square 512, NN", false, false, 512, 512, 512, 512, 512, 512, false),
        new("square 512, TN", true, false, 512, 512, 512, 512, 512, 512, false),
        new("square 512, NT", false, true, 512, 512, 512, 512, 512, 512, false),
        new("square 512, TT", true, true, 512, 512, 512, 512, 512, 512, false),
    ];

    public static int Run(string[] args)
    {
        var runs = 7;
        var peer = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--no-peer":
                    peer = false;
                    break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'");
                    return 2;
            }
        }

        var paths = new List<GemmIsa> { Vigil.ML.Neural.Gemm.BestIsa };
        if (Vigil.ML.Neural.Gemm.BestIsa == GemmIsa.Vector512)
        {
            paths.Add(GemmIsa.Vector256);
        }

        var ours = new Dictionary<(string, GemmIsa), Timing>();
        foreach (var isa in paths)
        {
            // Warm-up: every shape until tiered compilation has settled on the optimized kernels.
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < 1.0)
            {
                foreach (var s in Shapes)
                {
                    var op = Operands.Create(s, seed: 1);
                    op.Call(isa);
                }
            }

            foreach (var s in Shapes)
            {
                var op = Operands.Create(s, seed: 1);
                ours[(s.Name, isa)] = Measure(() => op.Call(isa), runs);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{isa,-9} {s.Name,-30} {s.Flops / ours[(s.Name, isa)].Median / 1e9,7:F1} GFLOP/s (best {s.Flops / ours[(s.Name, isa)].Best / 1e9:F1})"));
            }
        }

        Dictionary<string, Timing>? numpy = null, cblas = null;
        string blas = "not run";
        if (peer)
        {
            (numpy, cblas, blas) = RunPeer(runs);
        }

        Print(paths, ours, numpy, cblas, blas, runs);
        return 0;
    }

    private static (Dictionary<string, Timing>? Numpy, Dictionary<string, Timing>? Cblas, string Blas) RunPeer(int runs)
    {
        if (!PythonPeer.CanImport("numpy"))
        {
            Console.Error.WriteLine("python3 cannot import numpy (Debian python3-numpy); peer skipped");
            return (null, null, "numpy missing");
        }

        var dir = Environment.GetEnvironmentVariable("VIGIL_OPENBLAS_LIB") is { Length: > 0 } d ? d
            : Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } t ? t : "/tmp", "openblas-local", "root", "usr", "lib", "x86_64-linux-gnu", "openblas-openmp");
        var lib = Path.Combine(dir, "libopenblas.so.0");
        var haveOpenBlas = File.Exists(lib);
        if (!haveOpenBlas)
        {
            Console.Error.WriteLine($"OpenBLAS not found in {dir} (bench/run.sh gemm downloads it); numpy runs on the system BLAS");
        }

        var shapes = JsonSerializer.Serialize(Shapes.Select(s => new Dictionary<string, object>
        {
            ["name"] = s.Name, ["ta"] = s.TransposeA, ["tb"] = s.TransposeB, ["m"] = s.M, ["n"] = s.N, ["k"] = s.K,
            ["lda"] = s.Lda, ["ldb"] = s.Ldb, ["ldc"] = s.Ldc, ["acc"] = s.Accumulate,
        }));
        List<string> args = ["--shapes", shapes, "--runs", runs.ToString(CultureInfo.InvariantCulture)];
        if (haveOpenBlas)
        {
            args.AddRange(["--openblas", lib]);
        }

        var json = PythonPeer.RunJson(BenchPaths.PeerScript("gemm_peer.py"), args, TimeSpan.FromMinutes(10), threads: 1, libraryPath: haveOpenBlas ? dir : null);
        var numpy = json.GetProperty("numpy").EnumerateObject().ToDictionary(p => p.Name, p => new Timing(p.Value[0].GetDouble(), p.Value[1].GetDouble()));
        var cblas = json.GetProperty("cblas").EnumerateObject().ToDictionary(p => p.Name, p => new Timing(p.Value[0].GetDouble(), p.Value[1].GetDouble()));
        var blas = string.Join(", ", json.GetProperty("blas").EnumerateArray().Select(e => Path.GetFileName(e.GetString())));
        return (numpy, cblas.Count > 0 ? cblas : null, blas);
    }

    private static Timing Measure(Action call, int runs)
    {
        call();
        var reps = 1;
        while (true)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < reps; i++)
            {
                call();
            }

            if (clock.Elapsed.TotalSeconds >= MinBatchSeconds)
            {
                break;
            }

            reps *= 2;
        }

        var times = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < reps; i++)
            {
                call();
            }

            times[r] = clock.Elapsed.TotalSeconds / reps;
        }

        return new Timing(Stats.Median(times), times.Min());
    }

    private static void Print(List<GemmIsa> paths, Dictionary<(string, GemmIsa), Timing> ours, Dictionary<string, Timing>? numpy, Dictionary<string, Timing>? cblas, string blas, int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"GEMM, single thread, GFLOP/s = 2·m·n·k / time: median of {runs} batches (best batch); peer BLAS: {blas}"));
        Console.WriteLine();
        var header = "| shape | op | m×n×k | lda/ldb/ldc |" + string.Concat(paths.Select(p => $" Vigil {p} |")) + " numpy | OpenBLAS sgemm | Vigil / numpy | Vigil / OpenBLAS |";
        Console.WriteLine(header);
        Console.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", header.Count(ch => ch == '|') - 1)));
        foreach (var s in Shapes)
        {
            var best = ours[(s.Name, paths[0])];
            var line = string.Create(inv, $"| {s.Name} | {(s.TransposeA ? 'T' : 'N')}{(s.TransposeB ? 'T' : 'N')} | {s.M}×{s.N}×{s.K} | {s.Lda}/{s.Ldb}/{s.Ldc} |");
            foreach (var p in paths)
            {
                line += Rate(s, ours[(s.Name, p)]);
            }

            line += numpy is null ? " – |" : Rate(s, numpy[s.Name]);
            line += cblas is null ? " – |" : Rate(s, cblas[s.Name]);
            line += numpy is null ? " – |" : Ratio(numpy[s.Name], best);
            line += cblas is null ? " – |" : Ratio(cblas[s.Name], best);
            Console.WriteLine(line);
        }

        static string Rate(Shape s, Timing t) =>
            string.Create(CultureInfo.InvariantCulture, $" {s.Flops / t.Median / 1e9:F1} ({s.Flops / t.Best / 1e9:F1}) |");

        static string Ratio(Timing peer, Timing vigil) =>
            string.Create(CultureInfo.InvariantCulture, $" {peer.Median / vigil.Median:F2}× ({peer.Best / vigil.Best:F2}×) |");
    }

    private readonly record struct Timing(double Median, double Best);

    private sealed record Shape(string Name, bool TransposeA, bool TransposeB, int M, int N, int K, int Lda, int Ldb, int Ldc, bool Accumulate)
    {
        public double Flops => 2.0 * M * N * K;
    }

    private sealed class Operands
    {
        private readonly Shape shape;
        private readonly float[] a;
        private readonly float[] b;
        private readonly float[] c;

        private Operands(Shape shape, float[] a, float[] b, float[] c)
        {
            this.shape = shape;
            this.a = a;
            this.b = b;
            this.c = c;
        }

        public static Operands Create(Shape s, int seed)
        {
            var random = new Random(seed);
            var aRows = s.TransposeA ? s.K : s.M;
            var bRows = s.TransposeB ? s.N : s.K;
            return new Operands(s, Fill(random, aRows * s.Lda), Fill(random, bRows * s.Ldb), Fill(random, s.M * s.Ldc));
        }

        public void Call(GemmIsa isa) =>
            Vigil.ML.Neural.Gemm.Multiply(isa, shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, a, shape.Lda, b, shape.Ldb, c, shape.Ldc, shape.Accumulate);

        private static float[] Fill(Random random, int length)
        {
            var data = new float[length];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (float)(random.NextDouble() - 0.5);
            }

            return data;
        }
    }
}
