using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.Data.Generators;

/// <summary>
/// Generates seeded synthetic machine data shaped like the AI4I 2020 predictive maintenance dataset, following the
/// generation rules published with it (S. Matzka, "Explainable Artificial Intelligence for Predictive Maintenance
/// Applications", Third International Conference on Artificial Intelligence for Industries, AI4I 2020, pp. 69–74).
/// </summary>
/// <remarks>
/// <para>Rows are products machined one after another. Type is drawn from <see cref="Ai4iTypeShares"/>; the Product ID
/// is the type letter and a serial (the file's per-type base plus the row index). Air temperature is a random walk
/// normalized to mean 300 K and sd 2 K; process temperature adds 10 K and a second, independent random walk
/// normalized to sd 1 K. Temperatures are rounded to 0.1 K, torque to 0.1 Nm and speed to 1 rpm.</para>
/// <para>Torque is N(40 Nm, 10 Nm), redrawn while negative. Speed follows from a constant drive power of 2860 W:
/// <c>P = (T + T_loss) · (ω − ω₀)</c>, that is <c>n = n₀ + (60 / 2π) · 2860 W / (T + T_loss) + N(0, 50 rpm)</c>
/// with a base speed n₀ = 909 rpm and a loss torque T_loss = 5.8 Nm. Plain <c>n = P / T</c> with 2860 W would give a
/// mean of about 740 rpm and an unbounded tail as T → 0; with the documented power held fixed, n₀ and T_loss are the
/// least-squares fit to the published file (residual 54 rpm), and reproduce its speed mean (≈1539 rpm), sd (≈179) and
/// correlation with torque (≈ −0.875).</para>
/// <para>Each product adds 2 / 3 / 5 min (L / M / H) to the tool in use. Every tool gets a life drawn uniformly from
/// [ToolLifeMin, ToolLifeMax]; on the product during which its wear would pass that life, the tool fails (TWF, with
/// probability ToolFailureProbability) or is replaced, and the next product starts with a new tool at 0 min.
/// HDF, PWF and OSF follow the dataset's thresholds on each row's own values; RNF fires with probability
/// RandomFailureProbability; Machine failure is the OR of the five modes.</para>
/// </remarks>
public static class Ai4iGenerator
{
    private const int TypeStream = 1;
    private const int AirStream = 2;
    private const int ProcessStream = 3;
    private const int TorqueStream = 4;
    private const int SpeedStream = 5;
    private const int ToolStream = 6;
    private const int RandomFailureStream = 7;

    private static readonly string[] TypeLetters = ["L", "M", "H"];

    /// <summary>Generates <see cref="Ai4iGeneratorOptions.Rows"/> rows with the dataset's 14 columns, deterministically from the seed.</summary>
    public static DataFrame Generate(Ai4iGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = options.Rows;
        var seed = options.Seed;

        var types = Ai4iSignals.DrawTypes(new SeededRandom(seed, TypeStream), options.TypeShares, n);
        var air = Ai4iSignals.NormalizedRandomWalk(new SeededRandom(seed, AirStream), n, Ai4iSignals.AirMeanK, Ai4iSignals.AirSdK);
        var process = Ai4iSignals.NormalizedRandomWalk(new SeededRandom(seed, ProcessStream), n, Ai4iSignals.ProcessOffsetK, Ai4iSignals.ProcessNoiseSdK);
        for (var i = 0; i < n; i++)
        {
            process[i] = Math.Round(air[i] + process[i], 1);
            air[i] = Math.Round(air[i], 1);
        }

        var torque = Ai4iSignals.DrawTorque(new SeededRandom(seed, TorqueStream), n);
        var speed = Ai4iSignals.DrawSpeed(new SeededRandom(seed, SpeedStream), torque);
        var (wear, twf) = Ai4iSignals.SimulateTools(new SeededRandom(seed, ToolStream), options, types);

        var failure = new double[n];
        var hdf = new double[n];
        var pwf = new double[n];
        var osf = new double[n];
        var rnf = new double[n];
        var randomFailures = new SeededRandom(seed, RandomFailureStream);
        for (var i = 0; i < n; i++)
        {
            hdf[i] = Flag(Ai4iFailureRules.IsHeatDissipationFailure(air[i], process[i], speed[i]));
            pwf[i] = Flag(Ai4iFailureRules.IsPowerFailure(torque[i], speed[i]));
            osf[i] = Flag(Ai4iFailureRules.IsOverstrainFailure(types[i], wear[i], torque[i]));
            rnf[i] = Flag(randomFailures.NextDouble() < options.RandomFailureProbability);
            failure[i] = Math.Max(Math.Max(twf[i], hdf[i]), Math.Max(Math.Max(pwf[i], osf[i]), rnf[i]));
        }

        return new DataFrame(
        [
            new Float64Column(Ai4iColumns.Udi, Udis(n)),
            new StringColumn(Ai4iColumns.ProductId, ProductIds(types)),
            new CategoricalColumn(Ai4iColumns.Type, types, [.. TypeLetters]),
            new Float64Column(Ai4iColumns.AirTemperature, air),
            new Float64Column(Ai4iColumns.ProcessTemperature, process),
            new Float64Column(Ai4iColumns.RotationalSpeed, speed),
            new Float64Column(Ai4iColumns.Torque, torque),
            new Float64Column(Ai4iColumns.ToolWear, wear),
            new Float64Column(Ai4iColumns.MachineFailure, failure),
            new Float64Column(Ai4iColumns.Twf, twf),
            new Float64Column(Ai4iColumns.Hdf, hdf),
            new Float64Column(Ai4iColumns.Pwf, pwf),
            new Float64Column(Ai4iColumns.Osf, osf),
            new Float64Column(Ai4iColumns.Rnf, rnf),
        ]);
    }

    internal static double Flag(bool value) => value ? 1.0 : 0.0;

    private static double[] Udis(int n)
    {
        var udi = new double[n];
        for (var i = 0; i < n; i++)
        {
            udi[i] = i + 1;
        }

        return udi;
    }

    // The file numbers products per type from a fixed base plus the row index: M14860 (row 1), L47181 (row 2), H29424 (row 11).
    private static string?[] ProductIds(int[] types)
    {
        ReadOnlySpan<long> serialBase = [47_180, 14_860, 29_414];
        var ids = new string?[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            ids[i] = TypeLetters[types[i]] + (serialBase[types[i]] + i).ToString(CultureInfo.InvariantCulture);
        }

        return ids;
    }
}
