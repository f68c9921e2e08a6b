namespace Vigil.ML.Tuning;

/// <summary>Standard normal helpers for the Parzen estimators.</summary>
internal static class Normal
{
    /// <summary>Φ(z) from the complementary error function.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>One N(0, 1) draw by the Box–Muller transform (two uniforms per draw, so replays are simple).</summary>
    public static double Sample(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// erfc(x) by the Chebyshev fit of Press, Teukolsky, Vetterling and Flannery ("Numerical Recipes", §6.2),
    /// relative error below 1.2e-7 everywhere; ample for truncation masses, which are at least 1/3 here.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2.0 - r;
    }
}
