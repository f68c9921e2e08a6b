namespace Vigil.ML.Neural.Training;

/// <summary>The pure seed derivations of a training run (SplitMix64 mixing), so shuffles and dropout masks depend only on the run seed and their position.</summary>
/// <remarks>SplitMix64: Steele, Lea &amp; Flood (2014), Fast Splittable Pseudorandom Number Generators. OOPSLA.</remarks>
internal static class TrainingSeeds
{
    /// <summary>The SplitMix64 finalizer.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The forward-mode seed of shard <paramref name="shard"/> in step <paramref name="step"/> of epoch <paramref name="epoch"/>.</summary>
    public static ulong Step(int seed, int epoch, int step, int shard) =>
        Mix(Mix(Mix(Mix((uint)seed) ^ (uint)epoch) ^ (uint)step) ^ (uint)shard);

    /// <summary>The seed of epoch <paramref name="epoch"/>'s shuffle.</summary>
    public static int Shuffle(int seed, int epoch) =>
        (int)(Mix(Mix((uint)seed ^ 0x5348554646UL) ^ (uint)epoch) & int.MaxValue);
}
