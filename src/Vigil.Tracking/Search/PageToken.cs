using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Tracking.Search;

/// <summary>
/// Opaque page tokens: base64url of (format byte, offset, a fingerprint of the search, a checksum). Decoding rejects
/// anything malformed, edited, or issued for a different search (other filter, order, experiments or view) with
/// <see cref="TrackingErrorCode.InvalidParameterValue"/>. Tokens are integrity-checked, not secret: they only carry an offset.
/// </summary>
public static class PageToken
{
    private const byte FormatVersion = 1;
    private const int Length = 1 + 8 + 8 + 4;

    /// <summary>The token that resumes the search identified by <paramref name="fingerprint"/> at <paramref name="offset"/>.</summary>
    public static string Encode(long offset, string fingerprint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var bytes = new byte[Length];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(1), offset);
        Fingerprint(fingerprint).CopyTo(bytes.AsSpan(9));
        Checksum(bytes.AsSpan(0, 17)).CopyTo(bytes.AsSpan(17));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The offset in a token from <see cref="Encode"/>; 0 for a null or empty token (the first page).</summary>
    public static long Decode(string? token, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        var bytes = FromBase64Url(token);
        if (bytes is not { Length: Length } || bytes[0] != FormatVersion
            || !bytes.AsSpan(17).SequenceEqual(Checksum(bytes.AsSpan(0, 17))))
        {
            throw TrackingException.Invalid($"Invalid page_token '{token}': it is malformed or was modified.");
        }

        if (!bytes.AsSpan(9, 8).SequenceEqual(Fingerprint(fingerprint)))
        {
            throw TrackingException.Invalid($"Invalid page_token '{token}': it belongs to a different search (filter, order_by or scope changed).");
        }

        var offset = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(1));
        return offset >= 0 ? offset : throw TrackingException.Invalid($"Invalid page_token '{token}': negative offset.");
    }

    /// <summary>A fingerprint text for a search from its defining parts (joined with a separator that cannot occur in them ambiguously).</summary>
    public static string FingerprintOf(params IEnumerable<string?> parts) =>
        string.Join('\u001f', parts.Select(p => p is null ? "\u0000" : p.Replace("\u001f", "\u001f\u001f", StringComparison.Ordinal)));

    private static byte[] Fingerprint(string fingerprint) => SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint))[..8];

    private static byte[] Checksum(ReadOnlySpan<byte> payload) => SHA256.HashData(payload)[..4];

    private static byte[]? FromBase64Url(string token)
    {
        if (token.Length > 64)
        {
            return null;
        }

        var text = token.Replace('-', '+').Replace('_', '/');
        text += (text.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
