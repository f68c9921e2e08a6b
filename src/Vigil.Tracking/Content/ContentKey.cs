namespace Vigil.Tracking.Content;

/// <summary>Validates content keys: 64 lowercase hexadecimal characters (a SHA-256 digest).</summary>
public static class ContentKey
{
    /// <summary>The length of a content key in characters.</summary>
    public const int Length = 64;

    /// <summary>Whether <paramref name="key"/> is exactly 64 lowercase hex characters.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Throws an <see cref="ArgumentException"/> naming the key when it is not valid.</summary>
    public static void ThrowIfInvalid(string? key, string paramName = "key")
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"Content key '{key}' is not 64 lowercase hex characters (a SHA-256 digest).", paramName);
        }
    }
}
