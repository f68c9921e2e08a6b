using Vigil.Data.Frames;

namespace Vigil.Data.Generators;

/// <summary>
/// Generates seeded run-to-failure data for the remaining-useful-life workflow: columns <c>unit</c>, <c>cycle</c> and
/// <c>s1</c>..<c>s12</c>, one row per unit and cycle, every unit ending at its failure (its last cycle has RUL 0).
/// </summary>
/// <remarks>
/// <para>Each unit draws a lifetime L uniformly from [MinLife, MaxLife] cycles, a healthy phase ending at a wear onset
/// t₀ = L · U(0.2, 0.6), a wear rate a ~ U(2, 5) and an initial wear w₀ ~ U(0, 0.05). Its wear is
/// w(t) = w₀ before the onset and w(t) = w₀ + (1 − w₀) · (e^(a·u) − 1) / (e^a − 1), u = (t − t₀) / (L − t₀), after it, so
/// wear reaches 1 at the last cycle — the exponential degradation of Saxena et al., "Damage propagation modeling for
/// aircraft engine run-to-failure simulation" (PHM 2008), which generated C-MAPSS, with an unobserved healthy phase.</para>
/// <para>Each cycle has an operating condition c ~ N(0, 1). Informative sensor j reads
/// base_j + unit offset_j + gain_j · w(t) + load_j · c + N(0, noise_j), with the gains of <see cref="Sensors"/> (some
/// rise, some fall, with different signal-to-noise ratios). Two sensors are constant (s4, s10) and one is pure noise (s7),
/// so sensor selection has something to drop. Values are rounded to 4 decimals. Every unit uses its own random stream,
/// so the data are identical across runs and platforms for a seed.</para>
/// </remarks>
public static class DegradationGenerator
{
    private const int UnitStreamBase = 1_000;

    /// <summary>Every sensor column: name, base level, wear gain, operating-condition load and noise standard deviation.</summary>
    public static IReadOnlyList<(string Name, double Base, double Gain, double Load, double Noise)> Sensors { get; } =
    [
        ("s1", 642.0, 6.0, 0.3, 0.5),
        ("s2", 1590.0, 28.0, 2.0, 6.0),
        ("s3", 1400.0, 45.0, 3.0, 9.0),
        ("s4", 14.62, 0.0, 0.0, 0.0),
        ("s5", 21.6, -0.9, 0.05, 0.12),
        ("s6", 554.0, -8.0, 0.6, 0.9),
        ("s7", 100.0, 0.0, 0.0, 1.5),
        ("s8", 2388.0, 0.35, 0.02, 0.07),
        ("s9", 47.3, 1.6, 0.1, 0.27),
        ("s10", 1.3, 0.0, 0.0, 0.0),
        ("s11", 8.43, 0.22, 0.01, 0.04),
        ("s12", 38.9, -1.2, 0.08, 0.18),
    ];

    /// <summary>Generates the run-to-failure frame, deterministically from the seed.</summary>
    public static DataFrame Generate(DegradationGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var units = new List<double>();
        var cycles = new List<double>();
        var values = new List<double>[Sensors.Count];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = [];
        }

        var offsets = new double[Sensors.Count];
        for (var u = 0; u < options.Units; u++)
        {
            var random = new SeededRandom(options.Seed, UnitStreamBase + u);
            var life = options.MinLife + (int)Math.Floor(random.NextDouble() * (options.MaxLife - options.MinLife + 1));
            var onset = life * random.NextDouble(0.2, 0.6);
            var rate = random.NextDouble(2, 5);
            var initial = random.NextDouble(0, 0.05);
            for (var s = 0; s < offsets.Length; s++)
            {
                offsets[s] = random.NextNormal(0, Sensors[s].Noise * 0.5);
            }

            for (var t = 1; t <= life; t++)
            {
                var wear = t <= onset ? initial : initial + ((1 - initial) * (Math.Exp(rate * (t - onset) / (life - onset)) - 1) / (Math.Exp(rate) - 1));
                var condition = random.NextStandardNormal();
                units.Add(u + 1);
                cycles.Add(t);
                for (var s = 0; s < Sensors.Count; s++)
                {
                    var (_, level, gain, load, noise) = Sensors[s];
                    var v = noise == 0 ? level : level + offsets[s] + (gain * wear) + (load * condition) + random.NextNormal(0, noise);
                    values[s].Add(Math.Round(v, 4));
                }
            }
        }

        var columns = new List<Column> { new Float64Column("unit", [.. units]), new Float64Column("cycle", [.. cycles]) };
        for (var s = 0; s < Sensors.Count; s++)
        {
            columns.Add(new Float64Column(Sensors[s].Name, [.. values[s]]));
        }

        return new DataFrame(columns);
    }
}
