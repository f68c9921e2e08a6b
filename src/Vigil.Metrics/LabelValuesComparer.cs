namespace Vigil.Metrics;

/// <summary>Ordinal equality, hashing and ordering of label value tuples; spans look up stored arrays without allocating.</summary>
internal sealed class LabelValuesComparer :
    IEqualityComparer<string[]>, IAlternateEqualityComparer<ReadOnlySpan<string>, string[]>, IComparer<string[]>
{
    /// <summary>The stateless shared instance.</summary>
    public static readonly LabelValuesComparer Instance = new();

    private LabelValuesComparer()
    {
    }

    /// <inheritdoc/>
    public bool Equals(string[]? x, string[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && Same(x, y));

    /// <inheritdoc/>
    public int GetHashCode(string[] obj) => Hash(obj);

    /// <inheritdoc/>
    public bool Equals(ReadOnlySpan<string> alternate, string[] other) => Same(alternate, other);

    /// <inheritdoc/>
    public int GetHashCode(ReadOnlySpan<string> alternate) => Hash(alternate);

    /// <inheritdoc/>
    public string[] Create(ReadOnlySpan<string> alternate) => alternate.ToArray();

    /// <inheritdoc/>
    public int Compare(string[]? x, string[]? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static bool Same(ReadOnlySpan<string> x, ReadOnlySpan<string> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int Hash(ReadOnlySpan<string> values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value is null ? 0 : value.GetHashCode(StringComparison.Ordinal));
        }

        return hash.ToHashCode();
    }
}
