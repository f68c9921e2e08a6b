using System.Text.Json;
using Vigil.Bench.Peers;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;

namespace Vigil.Bench.Ai4i;

/// <summary>The official AI4I protocol (docs BENCHMARKS.md): raw features, stratified 80/20 splits taken from the peer run.</summary>
internal sealed class Ai4iProtocol
{
    public const string Target = "Machine failure";

    private Ai4iProtocol(DataFrame frame) => Frame = frame;

    public DataFrame Frame { get; }

    /// <summary>The raw-feature encoder options: Type one-hot + 5 numerics; leaky and identifier columns excluded.</summary>
    public static TabularEncoderOptions RawFeatures { get; } = new()
    {
        Target = Target,
        Exclude = ["UDI", "Product ID", "TWF", "HDF", "PWF", "OSF", "RNF"],
    };

    public static Ai4iProtocol Load() => new(CsvReader.ReadFile(BenchPaths.Ai4iCsv).Frame);

    /// <summary>Runs the peer script for one seed and returns its JSON (split indices and per-model results).</summary>
    public static JsonElement RunPeer(int seed, string models, bool timing = true) =>
        PythonPeer.RunJson(
            BenchPaths.PeerScript("ai4i_peer.py"),
            ["--shared", BenchPaths.Shared, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--models", models, .. timing ? Array.Empty<string>() : ["--no-timing"]],
            TimeSpan.FromMinutes(10));

    /// <summary>The train and test frames of the peer's split (same rows, same order).</summary>
    public (DataFrame Train, DataFrame Test) Split(JsonElement peer)
    {
        var train = peer.GetProperty("train").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var test = peer.GetProperty("test").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return (Frame.Take(train), Frame.Take(test));
    }
}
