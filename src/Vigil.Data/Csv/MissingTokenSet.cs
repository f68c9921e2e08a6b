using System.Text;

namespace Vigil.Data.Csv;

/// <summary>Matches field bytes against the configured missing-value tokens without allocating.</summary>
internal sealed class MissingTokenSet
{
    private readonly byte[][] _tokens;
    private readonly bool[] _firstBytes = new bool[256];
    private readonly bool _matchesEmpty;
    private readonly int _maxLength;

    public MissingTokenSet(IEnumerable<string> tokens)
    {
        _tokens = [.. tokens.Where(t => t.Length > 0).Select(Encoding.UTF8.GetBytes)];
        _matchesEmpty = tokens.Any(t => t.Length == 0);
        foreach (var t in _tokens)
        {
            _firstBytes[t[0]] = true;
            _maxLength = Math.Max(_maxLength, t.Length);
        }
    }

    /// <summary>Whether <paramref name="field"/> is exactly one of the tokens.</summary>
    public bool IsMissing(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            return _matchesEmpty;
        }

        if (field.Length > _maxLength || !_firstBytes[field[0]])
        {
            return false;
        }

        foreach (var t in _tokens)
        {
            if (field.SequenceEqual(t))
            {
                return true;
            }
        }

        return false;
    }
}
