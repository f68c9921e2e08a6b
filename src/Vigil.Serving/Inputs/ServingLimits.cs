namespace Vigil.Serving.Inputs;

/// <summary>
/// Size limits applied while decoding a request body; immutable and validated at construction (an invalid value throws
/// <see cref="ArgumentException"/> naming the option). Exceeding <see cref="MaxBodyBytes"/> or <see cref="MaxBatchRows"/>
/// answers 413; the other limits answer 400.
/// </summary>
public sealed record ServingLimits
{
    /// <summary>The default batch limit: 10,000 records.</summary>
    public const int DefaultMaxBatchRows = 10_000;

    /// <summary>Creates limits; every value must be positive (MaxErrors at least 1).</summary>
    public ServingLimits(
        int maxBatchRows = DefaultMaxBatchRows,
        int maxStringLength = 1_024,
        int maxBodyBytes = 16 * 1024 * 1024,
        int maxErrors = 20,
        int maxJsonDepth = 32)
    {
        Check(maxBatchRows, nameof(MaxBatchRows));
        Check(maxStringLength, nameof(MaxStringLength));
        Check(maxBodyBytes, nameof(MaxBodyBytes));
        Check(maxErrors, nameof(MaxErrors));
        Check(maxJsonDepth, nameof(MaxJsonDepth));
        if (maxJsonDepth < 4)
        {
            throw new ArgumentException($"MaxJsonDepth must be at least 4 (the deepest body format nests 4 levels); was {maxJsonDepth}.", nameof(maxJsonDepth));
        }

        MaxBatchRows = maxBatchRows;
        MaxStringLength = maxStringLength;
        MaxBodyBytes = maxBodyBytes;
        MaxErrors = maxErrors;
        MaxJsonDepth = maxJsonDepth;
    }

    /// <summary>The limits used when none are given.</summary>
    public static ServingLimits Default { get; } = new();

    /// <summary>The most records (rows) one request may carry (default 10,000); more answers 413.</summary>
    public int MaxBatchRows { get; }

    /// <summary>The longest string value, in characters (default 1,024); longer answers 400.</summary>
    public int MaxStringLength { get; }

    /// <summary>The largest body, in bytes (default 16 MiB); larger answers 413.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>How many problems are collected before decoding stops (default 20).</summary>
    public int MaxErrors { get; }

    /// <summary>The deepest JSON nesting accepted (default 32).</summary>
    public int MaxJsonDepth { get; }

    private static void Check(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be at least 1; was {value}.", char.ToLowerInvariant(name[0]) + name[1..]);
        }
    }
}
