using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Vigil.ML.Persistence;

/// <summary>
/// The byte framing of a model file: "VIGILMDL", int32 format version, int32 metadata length and
/// that many UTF-8 JSON bytes, int32 payload length and that many bytes, then the SHA-256 of all
/// preceding bytes. Integers are little-endian.
/// </summary>
internal static class ModelFileFormat
{
    public const int HashLength = 32;
    private const int HeaderLength = 8 + 4;

    public static ReadOnlySpan<byte> Magic => "VIGILMDL"u8;

    public static byte[] Write(int version, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> payload)
    {
        var length = HeaderLength + 4 + metadata.Length + 4 + payload.Length;
        var file = new byte[length + HashLength];
        var span = file.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], version);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], metadata.Length);
        metadata.CopyTo(span[16..]);
        var at = 16 + metadata.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], payload.Length);
        payload.CopyTo(span[(at + 4)..]);
        SHA256.HashData(span[..length], span[length..]);
        return file;
    }

    public static (int Version, byte[] Metadata, byte[] Payload) Read(ReadOnlySpan<byte> file)
    {
        var prefix = Math.Min(file.Length, Magic.Length);
        if (!file[..prefix].SequenceEqual(Magic[..prefix]))
        {
            throw new ModelFileException("Not a Vigil model file: the first bytes are not the magic \"VIGILMDL\".");
        }

        if (file.Length < HeaderLength + 4)
        {
            throw new ModelFileException($"The model file is truncated: {file.Length} bytes is shorter than its header.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(file[8..]);
        if (version > ModelFile.CurrentVersion)
        {
            throw new ModelFileException(
                $"The model file has format version {version}, newer than this reader supports ({ModelFile.OldestReadableVersion}–{ModelFile.CurrentVersion}); upgrade Vigil to read it.");
        }

        if (version < ModelFile.OldestReadableVersion)
        {
            throw new ModelFileException(
                $"The model file has format version {version}, older than this reader supports ({ModelFile.OldestReadableVersion}–{ModelFile.CurrentVersion}).");
        }

        var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(file[12..]);
        if (metadataLength < 0 || 16L + metadataLength + 4 > file.Length)
        {
            throw new ModelFileException($"The model file is truncated or corrupted: metadata length {metadataLength} does not fit in {file.Length} bytes.");
        }

        var at = 16 + metadataLength;
        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(file[at..]);
        var expected = (long)at + 4 + payloadLength + HashLength;
        if (payloadLength < 0 || expected > file.Length)
        {
            throw new ModelFileException($"The model file is truncated: its lengths need {expected} bytes but it has {file.Length}.");
        }

        if (expected < file.Length)
        {
            throw new ModelFileException($"The model file has {file.Length - expected} unexpected bytes after its checksum.");
        }

        var body = file[..^HashLength];
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(body, hash);
        if (!CryptographicOperations.FixedTimeEquals(hash, file[^HashLength..]))
        {
            throw new ModelFileException("The model file is corrupted: its SHA-256 checksum does not match its content.");
        }

        return (version, file.Slice(16, metadataLength).ToArray(), file.Slice(at + 4, payloadLength).ToArray());
    }
}
