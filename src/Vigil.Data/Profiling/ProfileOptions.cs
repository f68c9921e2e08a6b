namespace Vigil.Data.Profiling;

/// <summary>Settings for <see cref="DataProfiler.Profile"/>; validated when constructed.</summary>
public sealed record ProfileOptions
{
    /// <summary>Creates options, reporting every invalid setting in one <see cref="ArgumentException"/>.</summary>
    /// <param name="topK">How many most frequent values to keep for categorical, string and boolean columns (default 5, at least 1).</param>
    public ProfileOptions(int topK = 5)
    {
        var errors = new List<string>();
        if (topK < 1)
        {
            errors.Add($"topK must be at least 1 (was {topK}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid profile options: " + string.Join(" ", errors));
        }

        TopK = topK;
    }

    /// <summary>The default options.</summary>
    public static ProfileOptions Default { get; } = new();

    /// <summary>How many most frequent values to keep per non-numeric column.</summary>
    public int TopK { get; }
}
