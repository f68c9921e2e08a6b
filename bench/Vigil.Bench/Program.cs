using Vigil.Bench.Boosting;
using Vigil.Bench.Csv;
using Vigil.Bench.Features;
using Vigil.Bench.Forest;
using Vigil.Bench.Gemm;
using Vigil.Bench.Linear;
using Vigil.Bench.Neural;
using Vigil.Bench.Scale;
using Vigil.Bench.Serving;
using Vigil.Bench.Tracking;

namespace Vigil.Bench;

/// <summary>Entry point: one benchmark subcommand per run; see the usage line.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Vigil.Bench csv-load [--rows 1000000] [--cols 20] [--seed 1] [--runs 3] | ai4i-rf [--seeds 5] | ai4i-gbdt [--seeds 5] [--threads 2] | ai4i-linear [--seeds 5] | ai4i-features [--seeds 5] [--threads 2] [--no-peer] | cmapss-nn [--seeds 1] [--epochs 30] [--models lstm,cnn-lstm,gld] [--no-peer] | scale-rf [--rows 1000000] [--cols 20] [--trees 100] [--peer sklearn-rf|xgb|sklearn-hgb] | gemm [--runs 7] [--no-peer] | tracking [--runs 100000] [--batches 30] [--searches 20] [--backend both|sqlite|postgres] | serving [--duration 15s] [--reps 1] [--no-peer] [--no-trivial]");
            return 2;
        }

        return args[0] switch
        {
            "csv-load" => CsvLoadBenchmark.Run(args[1..]),
            GbdtAi4iBenchmark.Command => GbdtAi4iBenchmark.Run(args[1..]),
            CsvLoadBenchmark.ChildCommand => CsvLoadBenchmark.RunChild(args[1]),
            "ai4i-linear" => LinearBenchmark.Run(args[1..]),
            Ai4iFeaturesBenchmark.Command => Ai4iFeaturesBenchmark.Run(args[1..]),
            "ai4i-rf" => Ai4iForestBenchmark.Run(args[1..]),
            CmapssNeuralBenchmark.Command => CmapssNeuralBenchmark.Run(args[1..]),
            "scale-rf" => ScaleForestBenchmark.Run(args[1..]),
            GemmBenchmark.Command => GemmBenchmark.Run(args[1..]),
            TrackingBenchmark.Command => TrackingBenchmark.Run(args[1..]),
            ServingBenchmark.Command => ServingBenchmark.Run(args[1..]),
            ServingBenchmark.TrivialCommand => ServingBenchmark.RunTrivial(args[1..]),
            ScaleForestBenchmark.ChildCommand => ScaleForestBenchmark.RunChild(args[1..]),
            _ => Unknown(args[0]),
        };
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"unknown command '{command}'");
        return 2;
    }
}
