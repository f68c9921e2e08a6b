using System.Text;
using System.Text.Unicode;

namespace Vigil.Mqtt.Protocol;

/// <summary>The UTF-8 string rules of MQTT 3.1.1 §1.5.3: well-formed, no U+0000, at most 65,535 bytes.</summary>
public static class MqttStrings
{
    /// <summary>The longest string, in UTF-8 bytes, a 16-bit length prefix can carry.</summary>
    public const int MaxByteLength = ushort.MaxValue;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why <paramref name="value"/> cannot be sent as an MQTT string, or null when it can.</summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "contains U+0000";
        }

        if (!Utf16IsWellFormed(value))
        {
            return "contains an unpaired surrogate";
        }

        if (value.Length > MaxByteLength / 3 && Encoding.UTF8.GetByteCount(value) > MaxByteLength)
        {
            return $"is longer than {MaxByteLength} UTF-8 bytes";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when <paramref name="value"/> breaks the string rules.</summary>
    public static void Validate(string value, string parameterName)
    {
        var problem = Check(value);
        if (problem is not null)
        {
            throw new ArgumentException($"{parameterName} {problem} (MQTT 3.1.1 §1.5.3).", parameterName);
        }
    }

    /// <summary>Decodes MQTT string bytes, or returns null when they are not well-formed UTF-8 or contain U+0000.</summary>
    internal static string? TryDecode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0) || !Utf8.IsValid(bytes))
        {
            return null;
        }

        return Strict.GetString(bytes);
    }

    private static bool Utf16IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
