namespace Vigil.ML.Neural.Layers;

/// <summary>How a weight matrix is initialized.</summary>
/// <remarks>
/// Glorot-uniform (Glorot &amp; Bengio 2010): U(−l, l) with l = √(6 / (fanIn + fanOut)); suits tanh, sigmoid and linear units.
/// He-uniform (He et al. 2015): U(−l, l) with l = √(6 / fanIn); suits ReLU units.
/// </remarks>
public enum WeightInitialization
{
    /// <summary>Glorot (Xavier) uniform; the settings name is "glorot".</summary>
    Glorot,

    /// <summary>He (Kaiming) uniform; the settings name is "he".</summary>
    He,
}

/// <summary>Helpers for <see cref="WeightInitialization"/>.</summary>
internal static class WeightInitializationExtensions
{
    public static string ToSettingsName(this WeightInitialization init) => init switch
    {
        WeightInitialization.Glorot => "glorot",
        WeightInitialization.He => "he",
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown weight initialization."),
    };

    public static WeightInitialization Parse(string kind, string? text) => text switch
    {
        null or "glorot" => WeightInitialization.Glorot,
        "he" => WeightInitialization.He,
        _ => throw new ArgumentException($"The {kind} setting 'init' must be \"glorot\" or \"he\", got '{text}'.", "settings"),
    };

    public static void Validate(WeightInitialization init, string paramName)
    {
        if (init is not (WeightInitialization.Glorot or WeightInitialization.He))
        {
            throw new ArgumentOutOfRangeException(paramName, init, $"'{paramName}' must be Glorot or He.");
        }
    }

    /// <summary>Fills <paramref name="values"/> from U(−l, l) with the limit the scheme gives for the fans.</summary>
    public static void Fill(this WeightInitialization init, Span<float> values, int fanIn, int fanOut, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var limit = init == WeightInitialization.He ? Math.Sqrt(6.0 / fanIn) : Math.Sqrt(6.0 / (fanIn + fanOut));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2.0 - 1.0) * limit);
        }
    }
}
