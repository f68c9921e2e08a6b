namespace Vigil.Data.Generators;

/// <summary>
/// A small, fast, seeded pseudo-random generator: xoshiro256** (D. Blackman and S. Vigna, "Scrambled Linear
/// Pseudorandom Number Generators", ACM TOMS 47(4), 2021) whose state is expanded from the seed and a stream
/// number with SplitMix64 (G. Steele, D. Lea and C. Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014). Normal variates use the Marsaglia–Bray polar method (SIAM Review 6(3), 1964).
/// </summary>
/// <remarks>
/// Owned by the generators rather than <see cref="Random"/> so the generated data stay identical across .NET
/// versions, which do not promise a stable <see cref="Random"/> sequence. Not thread-safe; one instance per stream.
/// </remarks>
internal sealed class SeededRandom
{
    private const double InverseTwoPow53 = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates the generator for one independent stream of a seed.</summary>
    public SeededRandom(int seed, int stream)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)stream;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    private SeededRandom(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    /// <summary>A generator in the given raw state, to check the published reference outputs.</summary>
    internal static SeededRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * InverseTwoPow53;

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>A normal variate with the given mean and standard deviation.</summary>
    public double NextNormal(double mean, double standardDeviation) => mean + (standardDeviation * NextStandardNormal());

    /// <summary>A standard normal variate (polar method; the second variate of each pair is kept for the next call).</summary>
    public double NextStandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    /// <summary>Advances a SplitMix64 state and returns its next output.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
