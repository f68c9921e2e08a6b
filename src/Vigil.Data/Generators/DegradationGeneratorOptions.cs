namespace Vigil.Data.Generators;

/// <summary>Settings of <see cref="DegradationGenerator"/>; immutable and validated when built, with every problem reported in one exception.</summary>
public sealed record DegradationGeneratorOptions
{
    /// <summary>The default number of units.</summary>
    public const int DefaultUnits = 60;

    /// <summary>The default shortest lifetime in cycles.</summary>
    public const int DefaultMinLife = 150;

    /// <summary>The default longest lifetime in cycles.</summary>
    public const int DefaultMaxLife = 350;

    /// <summary>Creates validated options; throws one <see cref="ArgumentException"/> naming every invalid option.</summary>
    /// <param name="units">The number of run-to-failure units; at least 1.</param>
    /// <param name="seed">The seed; equal seeds give identical frames.</param>
    /// <param name="minLife">The shortest lifetime in cycles (drawn uniformly per unit); at least 2.</param>
    /// <param name="maxLife">The longest lifetime in cycles; not below <paramref name="minLife"/>.</param>
    public DegradationGeneratorOptions(int units = DefaultUnits, int seed = 7, int minLife = DefaultMinLife, int maxLife = DefaultMaxLife)
    {
        var errors = new List<string>();
        if (units < 1)
        {
            errors.Add($"Units must be at least 1 (was {units}).");
        }

        if (minLife < 2)
        {
            errors.Add($"MinLife must be at least 2 cycles (was {minLife}).");
        }

        if (maxLife < minLife)
        {
            errors.Add($"MaxLife ({maxLife}) must not be below MinLife ({minLife}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }

        (Units, Seed, MinLife, MaxLife) = (units, seed, minLife, maxLife);
    }

    /// <summary>The number of units.</summary>
    public int Units { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The shortest lifetime in cycles.</summary>
    public int MinLife { get; }

    /// <summary>The longest lifetime in cycles.</summary>
    public int MaxLife { get; }
}
