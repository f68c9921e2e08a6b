using System.Buffers;
using System.IO.Pipelines;

namespace Vigil.Mqtt.Protocol;

/// <summary>Reads whole MQTT packets from a <see cref="PipeReader"/>.</summary>
public static class MqttPipeReaderExtensions
{
    /// <summary>
    /// Reads the next packet; returns null when the stream ends cleanly between packets.
    /// </summary>
    /// <exception cref="MqttProtocolException">The peer sent malformed or oversize data, or the stream ended inside a packet.</exception>
    public static async ValueTask<MqttPacket?> ReadPacketAsync(this PipeReader reader, MqttPacketCodec codec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codec);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var decoded = codec.Decode(buffer);
            switch (decoded.Status)
            {
                case MqttDecodeStatus.Packet:
                    reader.AdvanceTo(buffer.GetPosition(decoded.Consumed));
                    return decoded.Packet;
                case MqttDecodeStatus.Error:
                    reader.AdvanceTo(buffer.Start);
                    throw new MqttProtocolException(decoded.Error!);
                default:
                    if (result.IsCompleted || result.IsCanceled)
                    {
                        var empty = buffer.IsEmpty;
                        reader.AdvanceTo(buffer.End);
                        if (empty)
                        {
                            return null;
                        }

                        throw new MqttProtocolException(MqttProtocolErrorCode.MalformedPacket, "The connection closed inside a packet.");
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                    break;
            }
        }
    }
}
