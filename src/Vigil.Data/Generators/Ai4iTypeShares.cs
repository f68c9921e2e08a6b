namespace Vigil.Data.Generators;

/// <summary>The shares of low (L), medium (M) and high (H) quality product variants; validated by <see cref="Ai4iGeneratorOptions"/>.</summary>
/// <param name="Low">The share of L products.</param>
/// <param name="Medium">The share of M products.</param>
/// <param name="High">The share of H products.</param>
public sealed record Ai4iTypeShares(double Low, double Medium, double High)
{
    /// <summary>The shares found in the published file (6,000 L, 2,997 M, 1,003 H of 10,000 rows): 60 / 30 / 10 %; the default.</summary>
    public static Ai4iTypeShares Observed { get; } = new(0.6, 0.3, 0.1);

    /// <summary>The shares stated in the dataset's description (50 / 30 / 20 %), which the published file does not follow.</summary>
    public static Ai4iTypeShares Documented { get; } = new(0.5, 0.3, 0.2);
}
