namespace Vigil.Data.Generators;

/// <summary>Settings of <see cref="Ai4iGenerator"/>; immutable and validated when built, with every problem reported in one exception.</summary>
public sealed record Ai4iGeneratorOptions
{
    /// <summary>The default probability that a worn-out tool fails (TWF) instead of being replaced: 51 of 120 tool ends in the dataset's description.</summary>
    public const double DefaultToolFailureProbability = 51.0 / 120.0;

    /// <summary>The default per-row probability of a random failure (RNF): 0.1 %.</summary>
    public const double DefaultRandomFailureProbability = 0.001;

    /// <summary>The default shortest tool life in minutes of wear.</summary>
    public const double DefaultToolLifeMinMinutes = 200;

    /// <summary>The default longest tool life in minutes of wear.</summary>
    public const double DefaultToolLifeMaxMinutes = 240;

    /// <summary>Creates validated options; throws one <see cref="ArgumentException"/> listing every invalid value.</summary>
    /// <param name="rows">The number of rows to generate; at least 1.</param>
    /// <param name="seed">The seed; equal seeds give identical frames.</param>
    /// <param name="typeShares">The product type shares; <see cref="Ai4iTypeShares.Observed"/> when null.</param>
    /// <param name="toolFailureProbability">The probability in [0, 1] that a tool reaching its life fails (TWF) rather than being replaced.</param>
    /// <param name="randomFailureProbability">The per-row probability in [0, 1] of a random failure (RNF).</param>
    /// <param name="toolLifeMinMinutes">The shortest tool life, drawn uniformly per tool; positive.</param>
    /// <param name="toolLifeMaxMinutes">The longest tool life; not below <paramref name="toolLifeMinMinutes"/>.</param>
    public Ai4iGeneratorOptions(
        int rows,
        int seed,
        Ai4iTypeShares? typeShares = null,
        double toolFailureProbability = DefaultToolFailureProbability,
        double randomFailureProbability = DefaultRandomFailureProbability,
        double toolLifeMinMinutes = DefaultToolLifeMinMinutes,
        double toolLifeMaxMinutes = DefaultToolLifeMaxMinutes)
    {
        var shares = typeShares ?? Ai4iTypeShares.Observed;
        var errors = new List<string>();
        if (rows < 1)
        {
            errors.Add($"Rows must be at least 1 (got {rows}).");
        }

        if (!IsShare(shares.Low) || !IsShare(shares.Medium) || !IsShare(shares.High)
            || Math.Abs(shares.Low + shares.Medium + shares.High - 1.0) > 1e-9)
        {
            errors.Add($"TypeShares must be in [0, 1] and sum to 1 (got L {shares.Low}, M {shares.Medium}, H {shares.High}).");
        }

        if (!IsShare(toolFailureProbability))
        {
            errors.Add($"ToolFailureProbability must be in [0, 1] (got {toolFailureProbability}).");
        }

        if (!IsShare(randomFailureProbability))
        {
            errors.Add($"RandomFailureProbability must be in [0, 1] (got {randomFailureProbability}).");
        }

        if (!(toolLifeMinMinutes > 0) || !double.IsFinite(toolLifeMinMinutes))
        {
            errors.Add($"ToolLifeMinMinutes must be positive and finite (got {toolLifeMinMinutes}).");
        }

        if (!(toolLifeMaxMinutes >= toolLifeMinMinutes) || !double.IsFinite(toolLifeMaxMinutes))
        {
            errors.Add($"ToolLifeMaxMinutes must be finite and at least ToolLifeMinMinutes (got {toolLifeMaxMinutes}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(Ai4iGeneratorOptions)}: {string.Join(" ", errors)}");
        }

        Rows = rows;
        Seed = seed;
        TypeShares = shares;
        ToolFailureProbability = toolFailureProbability;
        RandomFailureProbability = randomFailureProbability;
        ToolLifeMinMinutes = toolLifeMinMinutes;
        ToolLifeMaxMinutes = toolLifeMaxMinutes;
    }

    /// <summary>The number of rows to generate.</summary>
    public int Rows { get; }

    /// <summary>The seed; equal seeds give identical frames.</summary>
    public int Seed { get; }

    /// <summary>The product type shares; default <see cref="Ai4iTypeShares.Observed"/> (60 / 30 / 10 %).</summary>
    public Ai4iTypeShares TypeShares { get; }

    /// <summary>The probability that a tool reaching its life fails (TWF) rather than being replaced; default 51/120.</summary>
    public double ToolFailureProbability { get; }

    /// <summary>The per-row probability of a random failure (RNF); default 0.001.</summary>
    public double RandomFailureProbability { get; }

    /// <summary>The shortest tool life in minutes; default 200.</summary>
    public double ToolLifeMinMinutes { get; }

    /// <summary>The longest tool life in minutes; default 240.</summary>
    public double ToolLifeMaxMinutes { get; }

    private static bool IsShare(double p) => p is >= 0.0 and <= 1.0;
}
