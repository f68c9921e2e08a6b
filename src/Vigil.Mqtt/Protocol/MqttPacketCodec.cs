using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Vigil.Mqtt.Protocol;

/// <summary>Encodes and incrementally decodes MQTT 3.1.1 control packets.</summary>
/// <remarks>
/// Implements the wire format of OASIS MQTT Version 3.1.1 (OASIS Standard, 29 October 2014; ISO/IEC 20922:2016):
/// the fixed header with its per-type flag bits (§2.2), the remaining length as a variable byte integer of at most four bytes (§2.2.3),
/// UTF-8 strings with 16-bit length prefixes (§1.5.3) and the variable headers and payloads of the 14 packet types (§3).
/// <see cref="Decode"/> never throws: malformed input yields <see cref="MqttDecodeStatus.Error"/>, and a packet larger than
/// <see cref="MaximumPacketSize"/> is refused from its fixed header alone, so a peer cannot make the decoder buffer or allocate more
/// than that. The codec is stateless and thread-safe.
/// </remarks>
public sealed class MqttPacketCodec
{
    /// <summary>The largest remaining length the variable byte integer can express: 268,435,455.</summary>
    public const int MaxRemainingLength = 268_435_455;

    /// <summary>The largest packet MQTT 3.1.1 can express: a 5-byte fixed header plus <see cref="MaxRemainingLength"/>.</summary>
    public const int MaxPacketSizeLimit = MaxRemainingLength + 5;

    /// <summary>The default <see cref="MaximumPacketSize"/>: 1 MiB.</summary>
    public const int DefaultMaximumPacketSize = 1 << 20;

    /// <summary>Creates a codec refusing packets larger than <paramref name="maximumPacketSize"/> bytes (fixed header included).</summary>
    public MqttPacketCodec(int maximumPacketSize = DefaultMaximumPacketSize)
    {
        if (maximumPacketSize < 2 || maximumPacketSize > MaxPacketSizeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumPacketSize), maximumPacketSize, $"maximumPacketSize must be between 2 and {MaxPacketSizeLimit}.");
        }

        MaximumPacketSize = maximumPacketSize;
    }

    /// <summary>The largest packet, in bytes including the fixed header, that <see cref="Decode"/> accepts.</summary>
    public int MaximumPacketSize { get; }

    /// <summary>The number of bytes <paramref name="packet"/> occupies on the wire.</summary>
    public static int GetEncodedLength(MqttPacket packet)
    {
        var remaining = GetRemainingLength(packet);
        return 1 + VariableByteIntegerLength(remaining) + remaining;
    }

    /// <summary>Writes <paramref name="packet"/> to <paramref name="writer"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The packet exceeds what MQTT can express (remaining length above 268,435,455).</exception>
    public static int Encode(MqttPacket packet, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var remaining = GetRemainingLength(packet);
        var total = 1 + VariableByteIntegerLength(remaining) + remaining;
        var span = writer.GetSpan(total)[..total];
        var w = new SpanWriter(span);
        w.Byte(FirstByte(packet));
        w.VariableByteInteger(remaining);
        switch (packet)
        {
            case ConnectPacket c:
                w.Binary("MQTT"u8);
                w.Byte(ConnectPacket.ProtocolLevel);
                w.Byte(ConnectFlags(c));
                w.UInt16(c.KeepAliveSeconds);
                w.String(c.ClientId);
                if (c.Will is { } will)
                {
                    w.String(will.Topic);
                    w.Binary(will.Payload.Span);
                }

                if (c.UserName is { } user)
                {
                    w.String(user);
                }

                if (c.Password is { } password)
                {
                    w.Binary(password.Span);
                }

                break;
            case ConnAckPacket a:
                w.Byte(a.SessionPresent ? (byte)1 : (byte)0);
                w.Byte((byte)a.ReturnCode);
                break;
            case PublishPacket p:
                w.String(p.Topic);
                if (p.Qos != MqttQualityOfService.AtMostOnce)
                {
                    w.UInt16(p.PacketId);
                }

                w.Raw(p.Payload.Span);
                break;
            case MqttPacketWithId i:
                w.UInt16(i.PacketId);
                break;
            case SubscribePacket s:
                w.UInt16(s.PacketId);
                foreach (var sub in s.Subscriptions)
                {
                    w.String(sub.Filter);
                    w.Byte((byte)sub.Qos);
                }

                break;
            case SubAckPacket s:
                w.UInt16(s.PacketId);
                foreach (var code in s.ReturnCodes)
                {
                    w.Byte((byte)code);
                }

                break;
            case UnsubscribePacket u:
                w.UInt16(u.PacketId);
                foreach (var filter in u.TopicFilters)
                {
                    w.String(filter);
                }

                break;
            case PingReqPacket or PingRespPacket or DisconnectPacket:
                break;
            default:
                throw new ArgumentException($"Unknown packet {packet.GetType().Name}.", nameof(packet));
        }

        if (w.Position != total)
        {
            throw new InvalidOperationException($"Encoded {w.Position} bytes of {packet.Type}, expected {total}.");
        }

        writer.Advance(total);
        return total;
    }

    /// <summary>Decodes the packet at the start of <paramref name="buffer"/>, if it is all there.</summary>
    /// <returns>
    /// <see cref="MqttDecodeStatus.Packet"/> with the packet and the bytes it used; <see cref="MqttDecodeStatus.NeedMoreData"/> when the
    /// buffer ends inside the packet; <see cref="MqttDecodeStatus.Error"/> when the bytes break the protocol. Never throws.
    /// </returns>
    public MqttDecodeResult Decode(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return MqttDecodeResult.NeedMore;
        }

        var first = buffer.FirstSpan;
        var header = first[0];
        var type = (MqttPacketType)(header >> 4);
        var flags = header & 0x0F;
        if (type is 0 or (MqttPacketType)15)
        {
            return MqttDecodeResult.Fail(MqttProtocolErrorCode.ReservedPacketType, $"Packet type {(int)type} is reserved (§2.2.1).");
        }

        var flagError = CheckFlags(type, flags);
        if (flagError is not null)
        {
            return flagError.Value;
        }

        // Remaining length: at most four bytes, 7 bits each, continuation in the high bit (§2.2.3).
        var remaining = 0;
        var headerLength = 1;
        for (var i = 0; ; i++)
        {
            if (buffer.Length <= headerLength)
            {
                return MqttDecodeResult.NeedMore;
            }

            var b = first.Length > headerLength ? first[headerLength] : buffer.Slice(headerLength, 1).FirstSpan[0];
            headerLength++;
            remaining |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                break;
            }

            if (i == 3)
            {
                return MqttDecodeResult.Fail(MqttProtocolErrorCode.MalformedRemainingLength, "The remaining length has a fifth byte (§2.2.3).");
            }
        }

        var total = (long)headerLength + remaining;
        if (total > MaximumPacketSize)
        {
            return MqttDecodeResult.Fail(MqttProtocolErrorCode.PacketTooLarge, $"A {total}-byte {type} packet exceeds the {MaximumPacketSize}-byte limit.");
        }

        if (buffer.Length < total)
        {
            return MqttDecodeResult.NeedMore;
        }

        var body = buffer.Slice(headerLength, remaining);
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> span;
            if (body.IsSingleSegment)
            {
                span = body.FirstSpan;
            }
            else
            {
                rented = ArrayPool<byte>.Shared.Rent(remaining);
                body.CopyTo(rented);
                span = rented.AsSpan(0, remaining);
            }

            var packet = Parse(type, flags, span);
            return new MqttDecodeResult(MqttDecodeStatus.Packet, packet, null, total);
        }
        catch (MqttProtocolException e)
        {
            return new MqttDecodeResult(MqttDecodeStatus.Error, null, e.Error, 0);
        }
        catch (ArgumentException e)
        {
            // Defence in depth: the parser checks every rule the packet constructors enforce, so this is not expected.
            return MqttDecodeResult.Fail(MqttProtocolErrorCode.MalformedPacket, e.Message);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static MqttDecodeResult? CheckFlags(MqttPacketType type, int flags)
    {
        switch (type)
        {
            case MqttPacketType.Publish:
                var qos = (flags >> 1) & 3;
                if (qos == 3)
                {
                    return MqttDecodeResult.Fail(MqttProtocolErrorCode.InvalidQualityOfService, "PUBLISH has QoS 3 ([MQTT-3.3.1-4]).");
                }

                if (qos == 0 && (flags & 0x08) != 0)
                {
                    return MqttDecodeResult.Fail(MqttProtocolErrorCode.InvalidFlags, "A QoS 0 PUBLISH has DUP set ([MQTT-3.3.1-2]).");
                }

                return null;
            case MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe:
                return flags == 0b0010 ? null : MqttDecodeResult.Fail(MqttProtocolErrorCode.InvalidFlags, $"{type} flags are {flags:X}, not 0b0010 (§2.2.2).");
            default:
                return flags == 0 ? null : MqttDecodeResult.Fail(MqttProtocolErrorCode.InvalidFlags, $"{type} flags are {flags:X}, not 0 (§2.2.2).");
        }
    }

    private static MqttPacket Parse(MqttPacketType type, int flags, ReadOnlySpan<byte> body)
    {
        var r = new SpanReader(body, type);
        switch (type)
        {
            case MqttPacketType.Connect:
                return ParseConnect(ref r);
            case MqttPacketType.ConnAck:
                {
                    r.ExpectLength(2);
                    var ack = r.Byte("acknowledge flags");
                    var code = r.Byte("return code");
                    if ((ack & 0xFE) != 0)
                    {
                        throw Error(MqttProtocolErrorCode.InvalidReturnCode, "CONNACK reserved acknowledge flags are set ([MQTT-3.2.2-1]).");
                    }

                    if (code > 5 || (ack != 0 && code != 0))
                    {
                        throw Error(MqttProtocolErrorCode.InvalidReturnCode, $"CONNACK return code {code} with session present {ack} is not allowed (§3.2.2).");
                    }

                    return new ConnAckPacket((MqttConnectReturnCode)code, ack != 0);
                }

            case MqttPacketType.Publish:
                {
                    var qos = (MqttQualityOfService)((flags >> 1) & 3);
                    var topic = r.String("topic name");
                    var topicProblem = TopicName.Check(topic);
                    if (topicProblem is not null)
                    {
                        throw Error(MqttProtocolErrorCode.InvalidTopicName, $"PUBLISH topic name {topicProblem}.");
                    }

                    ushort id = 0;
                    if (qos != MqttQualityOfService.AtMostOnce)
                    {
                        id = r.PacketId();
                    }

                    var payload = r.Rest().ToArray();
                    return new PublishPacket(topic, payload, qos, retain: (flags & 1) != 0, dup: (flags & 8) != 0, id);
                }

            case MqttPacketType.PubAck:
                r.ExpectLength(2);
                return new PubAckPacket(r.PacketId());
            case MqttPacketType.PubRec:
                r.ExpectLength(2);
                return new PubRecPacket(r.PacketId());
            case MqttPacketType.PubRel:
                r.ExpectLength(2);
                return new PubRelPacket(r.PacketId());
            case MqttPacketType.PubComp:
                r.ExpectLength(2);
                return new PubCompPacket(r.PacketId());
            case MqttPacketType.UnsubAck:
                r.ExpectLength(2);
                return new UnsubAckPacket(r.PacketId());
            case MqttPacketType.Subscribe:
                {
                    var id = r.PacketId();
                    var subscriptions = new List<MqttSubscription>();
                    while (!r.AtEnd)
                    {
                        var filter = r.Filter();
                        var requested = r.Byte("requested QoS");
                        if (requested > 2)
                        {
                            throw Error(MqttProtocolErrorCode.InvalidQualityOfService, $"SUBSCRIBE requested QoS byte {requested} is not 0, 1 or 2 ([MQTT-3.8.3-4]).");
                        }

                        subscriptions.Add(new MqttSubscription(filter, (MqttQualityOfService)requested));
                    }

                    if (subscriptions.Count == 0)
                    {
                        throw Error(MqttProtocolErrorCode.EmptyPayload, "SUBSCRIBE has no topic filter ([MQTT-3.8.3-3]).");
                    }

                    return new SubscribePacket(id, subscriptions);
                }

            case MqttPacketType.SubAck:
                {
                    var id = r.PacketId();
                    var codes = r.Rest();
                    if (codes.IsEmpty)
                    {
                        throw Error(MqttProtocolErrorCode.EmptyPayload, "SUBACK has no return code.");
                    }

                    var list = new MqttSubscribeReturnCode[codes.Length];
                    for (var i = 0; i < codes.Length; i++)
                    {
                        if (codes[i] > 2 && codes[i] != 0x80)
                        {
                            throw Error(MqttProtocolErrorCode.InvalidReturnCode, $"SUBACK return code 0x{codes[i]:X2} is reserved ([MQTT-3.9.3-2]).");
                        }

                        list[i] = (MqttSubscribeReturnCode)codes[i];
                    }

                    return new SubAckPacket(id, list);
                }

            case MqttPacketType.Unsubscribe:
                {
                    var id = r.PacketId();
                    var filters = new List<string>();
                    while (!r.AtEnd)
                    {
                        filters.Add(r.Filter());
                    }

                    if (filters.Count == 0)
                    {
                        throw Error(MqttProtocolErrorCode.EmptyPayload, "UNSUBSCRIBE has no topic filter ([MQTT-3.10.3-2]).");
                    }

                    return new UnsubscribePacket(id, filters);
                }

            case MqttPacketType.PingReq:
                r.ExpectLength(0);
                return PingReqPacket.Instance;
            case MqttPacketType.PingResp:
                r.ExpectLength(0);
                return PingRespPacket.Instance;
            case MqttPacketType.Disconnect:
                r.ExpectLength(0);
                return DisconnectPacket.Instance;
            default:
                throw Error(MqttProtocolErrorCode.ReservedPacketType, $"Packet type {(int)type} is reserved.");
        }
    }

    private static ConnectPacket ParseConnect(ref SpanReader r)
    {
        if (!r.Binary("protocol name").SequenceEqual("MQTT"u8))
        {
            throw Error(MqttProtocolErrorCode.UnsupportedProtocolName, "The CONNECT protocol name is not \"MQTT\" ([MQTT-3.1.2-1]).");
        }

        var level = r.Byte("protocol level");
        if (level != ConnectPacket.ProtocolLevel)
        {
            throw Error(MqttProtocolErrorCode.UnsupportedProtocolLevel, $"Protocol level {level} is not 4 (MQTT 3.1.1) ([MQTT-3.1.2-2]).");
        }

        var flags = r.Byte("connect flags");
        var clean = (flags & 0x02) != 0;
        var willFlag = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 3;
        var willRetain = (flags & 0x20) != 0;
        var passwordFlag = (flags & 0x40) != 0;
        var userFlag = (flags & 0x80) != 0;
        if ((flags & 0x01) != 0)
        {
            throw Error(MqttProtocolErrorCode.InvalidConnectFlags, "The CONNECT reserved flag is set ([MQTT-3.1.2-3]).");
        }

        if (willQos == 3)
        {
            throw Error(MqttProtocolErrorCode.InvalidQualityOfService, "The will QoS is 3 ([MQTT-3.1.2-14]).");
        }

        if (!willFlag && (willQos != 0 || willRetain))
        {
            throw Error(MqttProtocolErrorCode.InvalidConnectFlags, "Will QoS or retain set without the will flag ([MQTT-3.1.2-13], [MQTT-3.1.2-15]).");
        }

        if (passwordFlag && !userFlag)
        {
            throw Error(MqttProtocolErrorCode.InvalidConnectFlags, "Password flag set without the user name flag ([MQTT-3.1.2-22]).");
        }

        var keepAlive = r.UInt16("keep alive");
        var clientId = r.String("client identifier");
        if (clientId.Length == 0 && !clean)
        {
            throw Error(MqttProtocolErrorCode.ClientIdRejected, "An empty client identifier requires a clean session ([MQTT-3.1.3-8]).");
        }

        MqttWill? will = null;
        if (willFlag)
        {
            var topic = r.String("will topic");
            var problem = TopicName.Check(topic);
            if (problem is not null)
            {
                throw Error(MqttProtocolErrorCode.InvalidTopicName, $"The will topic {problem}.");
            }

            var payload = r.Binary("will message").ToArray();
            will = new MqttWill(topic, payload, (MqttQualityOfService)willQos, willRetain);
        }

        var user = userFlag ? r.String("user name") : null;
        ReadOnlyMemory<byte>? password = passwordFlag ? new ReadOnlyMemory<byte>(r.Binary("password").ToArray()) : (ReadOnlyMemory<byte>?)null;
        if (!r.AtEnd)
        {
            throw Error(MqttProtocolErrorCode.MalformedPacket, "CONNECT has bytes after its last field.");
        }

        return new ConnectPacket(clientId, clean, keepAlive, will, user, password);
    }

    private static MqttProtocolException Error(MqttProtocolErrorCode code, string message) => new(code, message);

    private static byte FirstByte(MqttPacket packet) => packet switch
    {
        PublishPacket p => (byte)((3 << 4) | (p.Dup ? 8 : 0) | ((int)p.Qos << 1) | (p.Retain ? 1 : 0)),
        PubRelPacket or SubscribePacket or UnsubscribePacket => (byte)(((int)packet.Type << 4) | 0b0010),
        _ => (byte)((int)packet.Type << 4),
    };

    private static byte ConnectFlags(ConnectPacket c)
    {
        var flags = c.CleanSession ? 0x02 : 0;
        if (c.Will is { } will)
        {
            flags |= 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0);
        }

        if (c.Password.HasValue)
        {
            flags |= 0x40;
        }

        if (c.UserName is not null)
        {
            flags |= 0x80;
        }

        return (byte)flags;
    }

    private static int GetRemainingLength(MqttPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        long length = packet switch
        {
            ConnectPacket c => 10 + StringLength(c.ClientId)
                + (c.Will is { } will ? StringLength(will.Topic) + 2 + will.Payload.Length : 0)
                + (c.UserName is { } user ? StringLength(user) : 0)
                + (c.Password is { } password ? 2 + password.Length : 0),
            ConnAckPacket => 2,
            PublishPacket p => StringLength(p.Topic) + (p.Qos == MqttQualityOfService.AtMostOnce ? 0 : 2) + (long)p.Payload.Length,
            MqttPacketWithId => 2,
            SubscribePacket s => 2 + s.Subscriptions.Sum(sub => StringLength(sub.Filter) + 1L),
            SubAckPacket s => 2 + s.ReturnCodes.Length,
            UnsubscribePacket u => 2 + u.TopicFilters.Sum(f => (long)StringLength(f)),
            PingReqPacket or PingRespPacket or DisconnectPacket => 0,
            _ => throw new ArgumentException($"Unknown packet {packet.GetType().Name}.", nameof(packet)),
        };
        if (length > MaxRemainingLength)
        {
            throw new ArgumentException($"A {packet.Type} packet of remaining length {length} exceeds the MQTT maximum of {MaxRemainingLength}.", nameof(packet));
        }

        return (int)length;
    }

    private static int StringLength(string value) => 2 + Encoding.UTF8.GetByteCount(value);

    internal static int VariableByteIntegerLength(int value) => value switch
    {
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    private ref struct SpanWriter(Span<byte> span)
    {
        private readonly Span<byte> _span = span;

        public int Position { get; private set; }

        public void Byte(byte value) => _span[Position++] = value;

        public void UInt16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_span[Position..], value);
            Position += 2;
        }

        public void VariableByteInteger(int value)
        {
            do
            {
                var digit = value & 0x7F;
                value >>= 7;
                Byte((byte)(value > 0 ? digit | 0x80 : digit));
            }
            while (value > 0);
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetBytes(value, _span[(Position + 2)..]);
            UInt16((ushort)length);
            Position += length;
        }

        public void Binary(ReadOnlySpan<byte> value)
        {
            UInt16((ushort)value.Length);
            Raw(value);
        }

        public void Raw(ReadOnlySpan<byte> value)
        {
            value.CopyTo(_span[Position..]);
            Position += value.Length;
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> span, MqttPacketType type)
    {
        private readonly ReadOnlySpan<byte> _span = span;
        private int _position;

        public readonly bool AtEnd => _position == _span.Length;

        public readonly void ExpectLength(int length)
        {
            if (_span.Length != length)
            {
                throw Error(MqttProtocolErrorCode.MalformedPacket, $"{type} has remaining length {_span.Length}, not {length}.");
            }
        }

        public byte Byte(string field)
        {
            if (_position >= _span.Length)
            {
                throw Truncated(field);
            }

            return _span[_position++];
        }

        public ushort UInt16(string field)
        {
            if (_span.Length - _position < 2)
            {
                throw Truncated(field);
            }

            var value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
            _position += 2;
            return value;
        }

        public ushort PacketId()
        {
            var id = UInt16("packet identifier");
            if (id == 0)
            {
                throw Error(MqttProtocolErrorCode.ZeroPacketIdentifier, $"{type} has packet identifier 0 ([MQTT-2.3.1-1]).");
            }

            return id;
        }

        public ReadOnlySpan<byte> Binary(string field)
        {
            var length = UInt16(field);
            if (_span.Length - _position < length)
            {
                throw Truncated(field);
            }

            var value = _span.Slice(_position, length);
            _position += length;
            return value;
        }

        public string String(string field) =>
            MqttStrings.TryDecode(Binary(field))
            ?? throw Error(MqttProtocolErrorCode.InvalidString, $"The {type} {field} is not well-formed UTF-8 or contains U+0000 ([MQTT-1.5.3-1], [MQTT-1.5.3-2]).");

        public string Filter()
        {
            var filter = String("topic filter");
            var problem = TopicFilter.Check(filter);
            return problem is null ? filter : throw Error(MqttProtocolErrorCode.InvalidTopicFilter, $"The {type} topic filter {problem}.");
        }

        public ReadOnlySpan<byte> Rest()
        {
            var rest = _span[_position..];
            _position = _span.Length;
            return rest;
        }

        private readonly MqttProtocolException Truncated(string field) =>
            Error(MqttProtocolErrorCode.MalformedPacket, $"{type} ends inside its {field}.");
    }
}
