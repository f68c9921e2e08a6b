using System.Net;
using System.Text;
using Shouldly;
using Vigil.Mqtt.Broker;
using Vigil.Mqtt.Protocol;
using Vigil.Testing;
using Xunit;

namespace Vigil.Mqtt.Tests.Broker;

[Collection(BrokerCollection.Name)]
public sealed class BrokerTests
{
    private const MqttQualityOfService Q0 = MqttQualityOfService.AtMostOnce;
    private const MqttQualityOfService Q1 = MqttQualityOfService.AtLeastOnce;
    private const MqttQualityOfService Q2 = MqttQualityOfService.ExactlyOnce;

    internal static async Task<MqttBroker> StartAsync(MqttBrokerOptions? options = null, TimeProvider? time = null)
    {
        var broker = new MqttBroker(options ?? new MqttBrokerOptions(port: 0), time);
        await broker.StartAsync();
        return broker;
    }

    [Fact]
    public async Task Start_PortZero_ExposesBoundLoopbackEndPoint()
    {
        await using var broker = await StartAsync();

        broker.IsRunning.ShouldBeTrue();
        broker.LocalEndPoint.Address.ShouldBe(IPAddress.Loopback);
        broker.LocalEndPoint.Port.ShouldBeGreaterThan(0);
        await using var client = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "c1");
        client.ConnAck!.SessionPresent.ShouldBeFalse();
        broker.GetStatistics().ConnectedClients.ShouldBe(1);
    }

    [Fact]
    public async Task Connect_EmptyClientIdWithCleanSession_AssignsUniqueIds()
    {
        await using var broker = await StartAsync();
        var ids = new List<string>();
        broker.ClientConnected += (_, e) =>
        {
            lock (ids)
            {
                ids.Add(e.ClientId);
            }
        };

        await using var a = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "");
        await using var b = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "");

        ids.Count.ShouldBe(2);
        ids.ShouldAllBe(id => id.StartsWith("vigil-auto-", StringComparison.Ordinal));
        ids[0].ShouldNotBe(ids[1]);
        broker.GetStatistics().Sessions.ShouldBe(2);
    }

    [Fact]
    public async Task Connect_ProtocolLevel3_ConnAck1ThenClosed()
    {
        await using var broker = await StartAsync();
        await using var client = await RawMqttClient.OpenAsync(broker.LocalEndPoint);

        // CONNECT "MQTT" level 3, clean session, keep-alive 60, client id "c".
        await client.SendRawAsync(new byte[] { 0x10, 0x0D, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 3, 0x02, 0, 60, 0, 1, (byte)'c' });

        (await client.ExpectAsync<ConnAckPacket>()).ReturnCode.ShouldBe(MqttConnectReturnCode.UnacceptableProtocolVersion);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Connect_EmptyClientIdWithoutCleanSession_ConnAck2ThenClosed()
    {
        await using var broker = await StartAsync();
        await using var client = await RawMqttClient.OpenAsync(broker.LocalEndPoint);

        await client.SendRawAsync(new byte[] { 0x10, 0x0C, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x00, 0, 60, 0, 0 });

        (await client.ExpectAsync<ConnAckPacket>()).ReturnCode.ShouldBe(MqttConnectReturnCode.IdentifierRejected);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Connect_FirstPacketNotConnect_ClosedWithoutConnAck()
    {
        await using var broker = await StartAsync();
        await using var client = await RawMqttClient.OpenAsync(broker.LocalEndPoint);

        await client.SendAsync(PingReqPacket.Instance);

        await client.ExpectClosedAsync();
        broker.GetStatistics().ProtocolErrors.ShouldBe(1);
    }

    [Fact]
    public async Task Connect_Authenticator_RefusesBadPasswordWithConnAck4_AcceptsGoodOne()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, authenticator: MqttBrokerOptions.SingleUser("vigil", "s3cret")));

        await using (var bad = await RawMqttClient.OpenAsync(broker.LocalEndPoint))
        {
            var ack = await bad.HandshakeAsync(new ConnectPacket("c", userName: "vigil", password: Encoding.UTF8.GetBytes("wrong")));
            ack.ReturnCode.ShouldBe(MqttConnectReturnCode.BadUserNameOrPassword);
            await bad.ExpectClosedAsync();
        }

        await using (var anonymous = await RawMqttClient.OpenAsync(broker.LocalEndPoint))
        {
            (await anonymous.HandshakeAsync(new ConnectPacket("c"))).ReturnCode.ShouldBe(MqttConnectReturnCode.BadUserNameOrPassword);
        }

        await using var good = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "c", userName: "vigil", password: "s3cret");
        await good.PingAsync();
    }

    [Fact]
    public async Task Connect_ThrowingAuthenticator_ServerUnavailable()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, authenticator: (_, _) => throw new InvalidOperationException("boom")));
        await using var client = await RawMqttClient.OpenAsync(broker.LocalEndPoint);

        (await client.HandshakeAsync(new ConnectPacket("c"))).ReturnCode.ShouldBe(MqttConnectReturnCode.ServerUnavailable);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Connect_SameClientId_TakesOverAndClosesTheOldConnectionPublishingItsWill()
    {
        await using var broker = await StartAsync();
        await using var watcher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "watcher");
        await watcher.SubscribeAsync(("status/#", Q1));
        await using var first = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "dup", will: new MqttWill("status/dup", "lost"u8.ToArray()));

        await using var second = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "dup");

        await first.ExpectClosedAsync();
        await second.PingAsync();
        await watcher.ExpectPublishAsync("status/dup", "lost");
        broker.GetStatistics().ConnectedClients.ShouldBe(2);
    }

    [Fact]
    public async Task Subscribe_Qos2Requested_GrantedQos1()
    {
        await using var broker = await StartAsync();
        await using var client = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "c");

        var codes = await client.SubscribeAsync(("a/#", Q2), ("b", Q0), ("c/+", Q1));

        codes.ShouldBe([MqttSubscribeReturnCode.GrantedQos1, MqttSubscribeReturnCode.GrantedQos0, MqttSubscribeReturnCode.GrantedQos1]);
        broker.GetStatistics().Subscriptions.ShouldBe(3);
    }

    [Fact]
    public async Task Publish_Qos0AndQos1_RoutedByWildcardsAtTheLowerQos()
    {
        await using var broker = await StartAsync();
        await using var temps = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "temps");
        await using var everything = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "everything");
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await temps.SubscribeAsync(("sensors/+/temp", Q1));
        await everything.SubscribeAsync(("sensors/#", Q0));

        await publisher.PublishAsync("sensors/m1/temp", "21.5", Q1);
        await publisher.PublishAsync("sensors/m1/humidity", "40", Q1);
        await publisher.PublishAsync("sensors/m2/temp", "19", Q0);
        await publisher.PublishAsync("sensors", "parent", Q0);

        var t1 = await temps.ExpectPublishAsync("sensors/m1/temp", "21.5");
        t1.Qos.ShouldBe(Q1);
        t1.PacketId.ShouldNotBe((ushort)0);
        t1.Retain.ShouldBeFalse();
        await temps.SendAsync(new PubAckPacket(t1.PacketId));
        (await temps.ExpectPublishAsync("sensors/m2/temp", "19")).Qos.ShouldBe(Q0);

        (await everything.ExpectPublishAsync("sensors/m1/temp", "21.5")).Qos.ShouldBe(Q0);
        await everything.ExpectPublishAsync("sensors/m1/humidity", "40");
        await everything.ExpectPublishAsync("sensors/m2/temp", "19");
        await everything.ExpectPublishAsync("sensors", "parent");

        var stats = broker.GetStatistics();
        stats.MessagesReceived.ShouldBe(4);
        stats.MessagesSent.ShouldBe(6);
    }

    [Fact]
    public async Task Publish_OverlappingSubscriptions_DeliveredOnceAtTheMaximumQos()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sub");
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await subscriber.SubscribeAsync(("a/#", Q0), ("a/+", Q1), ("a/b", Q0));

        await publisher.PublishAsync("a/b", "one", Q1);
        await publisher.PublishAsync("a/c", "two", Q1);

        var one = await subscriber.ExpectPublishAsync("a/b", "one");
        one.Qos.ShouldBe(Q1);
        await subscriber.SendAsync(new PubAckPacket(one.PacketId));

        // The next packet is the second message, not a duplicate of the first.
        (await subscriber.ExpectPublishAsync("a/c", "two")).Qos.ShouldBe(Q1);
    }

    [Fact]
    public async Task Subscribe_SameFilterAgain_ReplacesTheGrantedQos()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sub");
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await subscriber.SubscribeAsync(("x", Q1));
        await subscriber.SubscribeAsync(("x", Q0));

        await publisher.PublishAsync("x", "m", Q1);

        (await subscriber.ExpectPublishAsync("x", "m")).Qos.ShouldBe(Q0);
        broker.GetStatistics().Subscriptions.ShouldBe(1);
    }

    [Fact]
    public async Task Unsubscribe_StopsDelivery()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sub");
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await subscriber.SubscribeAsync(("a/#", Q0), ("b/#", Q0));

        await subscriber.SendAsync(new UnsubscribePacket(9, ["a/#", "never/subscribed"]));
        (await subscriber.ExpectAsync<UnsubAckPacket>()).PacketId.ShouldBe((ushort)9);
        await publisher.PublishAsync("a/1", "gone", Q1);
        await publisher.PublishAsync("b/1", "kept", Q1);

        await subscriber.ExpectPublishAsync("b/1", "kept");
    }

    [Fact]
    public async Task Retained_StoredReplacedDeliveredOnSubscribeWithRetainFlag_DeletedByEmptyPayload()
    {
        await using var broker = await StartAsync();
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await publisher.PublishAsync("config/a", "v1", Q1, retain: true);
        await publisher.PublishAsync("config/a", "v2", Q1, retain: true);
        await publisher.PublishAsync("config/b", "b1", Q0, retain: true);
        await publisher.PingAsync();
        broker.GetStatistics().RetainedMessages.ShouldBe(2);

        await using (var first = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "first"))
        {
            await first.SubscribeAsync(("config/a", Q1));
            var retained = await first.ExpectPublishAsync("config/a", "v2");
            retained.Retain.ShouldBeTrue();
            retained.Qos.ShouldBe(Q1);
            await first.SendAsync(new PubAckPacket(retained.PacketId));

            // An established subscription receives new retained publishes with RETAIN cleared.
            await publisher.PublishAsync("config/a", "v3", Q1, retain: true);
            (await first.ExpectPublishAsync("config/a", "v3")).Retain.ShouldBeFalse();
        }

        await publisher.PublishAsync("config/a", "", Q0, retain: true);
        await publisher.PingAsync();
        broker.GetStatistics().RetainedMessages.ShouldBe(1);

        await using var second = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "second");
        await second.SubscribeAsync(("config/#", Q1));
        var only = await second.ExpectPublishAsync("config/b", "b1");
        only.Retain.ShouldBeTrue();
        only.Qos.ShouldBe(Q0);
        await publisher.PublishAsync("config/next", "live", Q0);
        (await second.ExpectPublishAsync("config/next", "live")).Retain.ShouldBeFalse();
    }

    [Fact]
    public async Task Retained_DollarTopics_NotMatchedByLeadingWildcards()
    {
        await using var broker = await StartAsync();
        broker.Publish("$SYS/broker/version", "vigil"u8.ToArray(), retain: true);
        broker.Publish("plain", "p"u8.ToArray(), retain: true);

        await using var all = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "all");
        await all.SubscribeAsync(("#", Q0));
        await all.ExpectPublishAsync("plain", "p");
        await using var sys = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sys");
        await sys.SubscribeAsync(("$SYS/#", Q0));
        await sys.ExpectPublishAsync("$SYS/broker/version", "vigil");

        // "#" got nothing else: the next thing it sees is a fresh message.
        broker.Publish("after", "a"u8.ToArray());
        await all.ExpectPublishAsync("after", "a");
    }

    [Fact]
    public async Task Retained_StoreLimit_NewTopicsBeyondItAreRoutedButNotStored()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, maxRetainedMessages: 1));
        broker.Publish("r/1", "a"u8.ToArray(), retain: true);
        broker.Publish("r/2", "b"u8.ToArray(), retain: true);
        broker.Publish("r/1", "c"u8.ToArray(), retain: true);

        broker.GetStatistics().RetainedMessages.ShouldBe(1);
        await using var client = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "c");
        await client.SubscribeAsync(("r/#", Q0));
        await client.ExpectPublishAsync("r/1", "c");
    }

    [Fact]
    public async Task Will_PublishedWhenTheSocketDrops()
    {
        await using var broker = await StartAsync();
        await using var watcher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "watcher");
        await watcher.SubscribeAsync(("status/+", Q1));
        var disconnected = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.ClientDisconnected += (_, e) =>
        {
            if (e.ClientId == "machine-7")
            {
                disconnected.TrySetResult(e);
            }
        };
        var dying = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "machine-7", will: new MqttWill("status/machine-7", "offline"u8.ToArray(), Q1, retain: true));

        dying.Kill();

        var will = await watcher.ExpectPublishAsync("status/machine-7", "offline");
        will.Qos.ShouldBe(Q1);
        var args = await disconnected.Task.WaitAsync(RawMqttClient.Timeout);
        args.WillPublished.ShouldBeTrue();
        args.Clean.ShouldBeFalse();
        broker.GetStatistics().RetainedMessages.ShouldBe(1);
    }

    [Fact]
    public async Task Will_NotPublishedAfterDisconnect()
    {
        await using var broker = await StartAsync();
        await using var watcher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "watcher");
        await watcher.SubscribeAsync(("status/#", Q0));
        await using var leaving = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "leaving", will: new MqttWill("status/leaving", "offline"u8.ToArray()));

        // The broker closes the socket only after deciding about the will, so a will would be queued before the sentinel.
        await leaving.DisconnectAsync();
        broker.Publish("status/sentinel", "s"u8.ToArray());

        await watcher.ExpectPublishAsync("status/sentinel", "s");
    }

    [Fact]
    public async Task KeepAlive_SilentClientClosedAfterGraceOnTheInjectedClock_WillPublished()
    {
        var time = new FakeTimeProvider();
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0), time);
        await using var watcher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "watcher");
        await watcher.SubscribeAsync(("status/#", Q0));
        await using var client = await RawMqttClient.ConnectAsync(
            broker.LocalEndPoint, "sleepy", keepAliveSeconds: 10, will: new MqttWill("status/sleepy", "timeout"u8.ToArray()));

        // Just under 1.5 x 10 s, then any packet resets the timer.
        time.Advance(TimeSpan.FromSeconds(14.9));
        await client.PingAsync();
        time.Advance(TimeSpan.FromSeconds(14.9));
        await client.PingAsync();

        // Silence for the full grace period closes the connection and publishes the will.
        time.Advance(TimeSpan.FromSeconds(15));

        await client.ExpectClosedAsync();
        await watcher.ExpectPublishAsync("status/sleepy", "timeout");
        broker.GetStatistics().KeepAliveTimeouts.ShouldBe(1);

        // The watcher (keep-alive 0) is never timed out.
        time.Advance(TimeSpan.FromHours(1));
        await watcher.PingAsync();
    }

    [Fact]
    public async Task ConnectTimeout_ConnectionWithoutConnectClosedOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, connectTimeout: TimeSpan.FromSeconds(5)), time);
        await using var idle = await RawMqttClient.OpenAsync(broker.LocalEndPoint);
        await using var other = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "other");

        // "other" has connected, so the idle connection's timer exists too (accept happens in order).
        time.Advance(TimeSpan.FromSeconds(5));

        await idle.ExpectClosedAsync();
        await other.PingAsync();
    }

    [Fact]
    public async Task PersistentSession_ReceivesQos1MessagesQueuedWhileOffline_SessionPresent()
    {
        await using var broker = await StartAsync();
        await using (var first = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: false))
        {
            first.ConnAck!.SessionPresent.ShouldBeFalse();
            await first.SubscribeAsync(("jobs/#", Q1));
            await first.DisconnectAsync();
        }

        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await publisher.PublishAsync("jobs/1", "a", Q1);
        await publisher.PublishAsync("jobs/2", "qos0 not queued offline", Q0);
        await publisher.PublishAsync("jobs/3", "b", Q1);
        broker.GetSessionBacklog("worker").ShouldBe((2, 0));
        broker.GetStatistics().Sessions.ShouldBe(2);

        await using var again = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: false);

        again.ConnAck!.SessionPresent.ShouldBeTrue();
        var a = await again.ExpectPublishAsync("jobs/1", "a");
        var b = await again.ExpectPublishAsync("jobs/3", "b");
        a.Dup.ShouldBeFalse();
        await again.SendAsync(new PubAckPacket(a.PacketId));
        await again.SendAsync(new PubAckPacket(b.PacketId));

        // The subscription survived too.
        await publisher.PublishAsync("jobs/4", "c", Q1);
        await again.ExpectPublishAsync("jobs/4", "c");
    }

    [Fact]
    public async Task PersistentSession_UnacknowledgedQos1RedeliveredWithDupAndSameIdAfterReconnect()
    {
        await using var broker = await StartAsync();
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        var first = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: false);
        await first.SubscribeAsync(("jobs/#", Q1));
        await publisher.PublishAsync("jobs/1", "a", Q1);
        var original = await first.ExpectPublishAsync("jobs/1", "a");
        original.Dup.ShouldBeFalse();

        first.Kill();
        await using var second = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: false);

        second.ConnAck!.SessionPresent.ShouldBeTrue();
        var again = await second.ExpectPublishAsync("jobs/1", "a");
        again.Dup.ShouldBeTrue();
        again.PacketId.ShouldBe(original.PacketId);
        await second.SendAsync(new PubAckPacket(again.PacketId));
        await second.PingAsync();
        broker.GetSessionBacklog("worker").ShouldBe((0, 0));
        await first.DisposeAsync();
    }

    [Fact]
    public async Task CleanSession_DiscardsStoredSession()
    {
        await using var broker = await StartAsync();
        await using (var first = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: false))
        {
            await first.SubscribeAsync(("jobs/#", Q1));
            await first.DisconnectAsync();
        }

        broker.Publish("jobs/1", "queued"u8.ToArray(), Q1);
        await using (var clean = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: true))
        {
            clean.ConnAck!.SessionPresent.ShouldBeFalse();
            broker.Publish("jobs/2", "not subscribed"u8.ToArray(), Q1);
            await clean.PingAsync();
            await clean.DisconnectAsync();
        }

        await using var persistent = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "worker", cleanSession: false);
        persistent.ConnAck!.SessionPresent.ShouldBeFalse();
        await persistent.PingAsync();
        broker.GetStatistics().Sessions.ShouldBe(1);
    }

    [Fact]
    public async Task Qos2Publish_PubRecPubRelPubComp_DeliveredOnceAtQos1EvenIfResent()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sub");
        await subscriber.SubscribeAsync(("q2", Q2));
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");

        var publish = new PublishPacket("q2", "once"u8.ToArray(), Q2, packetId: 42);
        await publisher.SendAsync(publish);
        (await publisher.ExpectAsync<PubRecPacket>()).PacketId.ShouldBe((ushort)42);
        await publisher.SendAsync(publish.WithDelivery(42, dup: true));
        (await publisher.ExpectAsync<PubRecPacket>()).PacketId.ShouldBe((ushort)42);
        await publisher.SendAsync(new PubRelPacket(42));
        (await publisher.ExpectAsync<PubCompPacket>()).PacketId.ShouldBe((ushort)42);

        var delivered = await subscriber.ExpectPublishAsync("q2", "once");
        delivered.Qos.ShouldBe(Q1);
        await subscriber.SendAsync(new PubAckPacket(delivered.PacketId));
        broker.Publish("q2", "next"u8.ToArray());
        await subscriber.ExpectPublishAsync("q2", "next");
    }

    [Fact]
    public async Task InflightWindow_HoldsBackQos1UntilAcknowledged()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, maxInflightMessages: 2));
        await using var subscriber = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sub");
        await subscriber.SubscribeAsync(("w", Q1));
        for (var i = 0; i < 3; i++)
        {
            broker.Publish("w", Encoding.UTF8.GetBytes($"m{i}"), Q1);
        }

        var m0 = await subscriber.ExpectPublishAsync("w", "m0");
        await subscriber.ExpectPublishAsync("w", "m1");
        await subscriber.PingAsync();
        broker.GetSessionBacklog("sub").ShouldBe((1, 2));

        await subscriber.SendAsync(new PubAckPacket(m0.PacketId));

        await subscriber.ExpectPublishAsync("w", "m2");
    }

    [Fact]
    public async Task FullQueue_DropsOldestQos0First_ThenNewQos0_CountsDrops()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, maxQueuedMessages: 3, maxInflightMessages: 1));
        await using var subscriber = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "sub");
        await subscriber.SubscribeAsync(("q", Q1));
        void Publish(string payload, MqttQualityOfService qos) => broker.Publish("q", Encoding.UTF8.GetBytes(payload), qos);

        // A fills the one-message window, so everything after it waits in the three-message queue.
        Publish("A", Q1);
        var a = await subscriber.ExpectPublishAsync("q", "A");
        Publish("B", Q1);
        Publish("C", Q0);
        Publish("D", Q1);
        Publish("E", Q0); // full: drops C, the oldest QoS 0
        Publish("F", Q1); // full: drops E
        Publish("G", Q0); // full of QoS 1: drops G itself
        broker.GetStatistics().MessagesDropped.ShouldBe(3);

        await subscriber.SendAsync(new PubAckPacket(a.PacketId));
        var b = await subscriber.ExpectPublishAsync("q", "B");
        await subscriber.SendAsync(new PubAckPacket(b.PacketId));
        var d = await subscriber.ExpectPublishAsync("q", "D");
        await subscriber.SendAsync(new PubAckPacket(d.PacketId));
        var f = await subscriber.ExpectPublishAsync("q", "F");
        await subscriber.SendAsync(new PubAckPacket(f.PacketId));
        Publish("H", Q0);
        await subscriber.ExpectPublishAsync("q", "H");
    }

    public static TheoryData<string, byte[]> MalformedPackets => new()
    {
        { "remaining length with a fifth byte", [0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        { "SUBSCRIBE with reserved flags 0000", [0x80, 0x06, 0x00, 0x01, 0x00, 0x01, (byte)'a', 0x00] },
        { "PINGREQ with flag bits set", [0xC1, 0x00] },
        { "reserved packet type 15", [0xF0, 0x00] },
        { "PUBLISH to a topic with a wildcard", [0x30, 0x05, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'#'] },
        { "PUBLISH with QoS 3", [0x36, 0x05, 0x00, 0x01, (byte)'a', 0x00, 0x01] },
        { "PUBACK with a zero packet id", [0x40, 0x02, 0x00, 0x00] },
        { "second CONNECT", [0x10, 0x0D, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 60, 0, 1, (byte)'z'] },
        { "SUBACK sent by a client", [0x90, 0x03, 0x00, 0x01, 0x00] },
        { "PUBREC sent by a client", [0x50, 0x02, 0x00, 0x01] },
        { "SUBSCRIBE with invalid UTF-8", [0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0xFF, 0x00] },
        { "packet over the size limit", [0x30, 0xFF, 0xFF, 0x7F] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public async Task MalformedPacket_ClosesOnlyThatConnection_WillPublished(string what, byte[] bytes)
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, maxPacketSize: 64 * 1024));
        await using var healthy = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "healthy");
        await healthy.SubscribeAsync(("#", Q1));
        await using var bad = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "bad", will: new MqttWill("status/bad", "broken"u8.ToArray()));

        await bad.SendRawAsync(bytes);

        await bad.ExpectClosedAsync();
        (await healthy.ExpectPublishAsync("status/bad", "broken")).Qos.ShouldBe(Q0);
        broker.GetStatistics().ProtocolErrors.ShouldBe(1, what);
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        await publisher.PublishAsync("still/working", "yes", Q1);
        var message = await healthy.ExpectPublishAsync("still/working", "yes");
        await healthy.SendAsync(new PubAckPacket(message.PacketId));
    }

    [Fact]
    public async Task TruncatedPacketThenClose_ClosesCleanlyWithWill()
    {
        await using var broker = await StartAsync();
        await using var healthy = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "healthy");
        await healthy.SubscribeAsync(("status/#", Q0));
        await using var bad = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "bad", will: new MqttWill("status/bad", "truncated"u8.ToArray()));

        // A PUBLISH announcing 100 bytes, of which 4 arrive before the client half-closes.
        await bad.SendRawAsync(new byte[] { 0x30, 100, 0x00, 0x01, (byte)'t', 1 });
        bad.ShutdownSend();

        await bad.ExpectClosedAsync();
        await healthy.ExpectPublishAsync("status/bad", "truncated");
        broker.GetStatistics().ProtocolErrors.ShouldBe(1);
        await healthy.PingAsync();
    }

    [Fact]
    public async Task SlowSubscriber_DoesNotBlockPublisherOrOtherSubscribers_OldestDropped()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, maxQueuedMessages: 50));
        await using var slow = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "slow", receiveBufferSize: 4096);
        await slow.SubscribeAsync(("load/#", Q0));
        await using var fast = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "fast");
        await fast.SubscribeAsync(("load/#", Q0));
        await using var publisher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "pub");
        var payload = new string('x', 16 * 1024);

        // The slow subscriber never reads. The publisher keeps getting PUBACKs and the fast subscriber keeps receiving, in
        // lock-step, until the slow subscriber's socket buffers and its queue are full and messages are being dropped.
        var sent = 0;
        while (sent < 5000 && (sent < 200 || broker.GetStatistics().MessagesDropped < 100))
        {
            await publisher.PublishAsync("load/m", $"{sent}:{payload}", Q1);
            var received = await fast.ExpectAsync<PublishPacket>();
            Encoding.UTF8.GetString(received.Payload.Span).ShouldStartWith($"{sent}:");
            sent++;
        }

        var stats = broker.GetStatistics();
        stats.MessagesDropped.ShouldBeGreaterThanOrEqualTo(100, $"after {sent} messages");
        broker.GetSessionBacklog("slow")!.Value.Queued.ShouldBe(50);

        // Once it reads, the slow subscriber gets what fit in its buffers and then the newest 50: the oldest were dropped.
        broker.Publish("load/end", "end"u8.ToArray());
        var last = -1;
        while (true)
        {
            var message = await slow.ExpectAsync<PublishPacket>();
            if (message.Topic == "load/end")
            {
                break;
            }

            var index = int.Parse(Encoding.UTF8.GetString(message.Payload.Span).Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
            index.ShouldBeGreaterThan(last);
            last = index;
        }

        last.ShouldBe(sent - 1);
    }

    [Fact]
    public async Task MaxConnections_ExtraConnectionClosedAtAccept()
    {
        await using var broker = await StartAsync(new MqttBrokerOptions(port: 0, maxConnections: 1));
        await using var first = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "first");
        await using var extra = await RawMqttClient.OpenAsync(broker.LocalEndPoint);

        await extra.ExpectClosedAsync();
        await first.PingAsync();
        broker.GetStatistics().ConnectionsRejected.ShouldBe(1);
    }

    [Fact]
    public async Task Stop_ClosesEveryConnectionWithoutWills()
    {
        var broker = await StartAsync();
        await using var a = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "a", will: new MqttWill("w", "x"u8.ToArray()));
        await using var b = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "b", cleanSession: false);
        var willsPublished = 0;
        broker.ClientDisconnected += (_, e) => Interlocked.Add(ref willsPublished, e.WillPublished ? 1 : 0);

        await broker.StopAsync(TestContext.Current.CancellationToken);

        await a.ExpectClosedAsync();
        await b.ExpectClosedAsync();
        broker.IsRunning.ShouldBeFalse();
        willsPublished.ShouldBe(0);
        var stats = broker.GetStatistics();
        stats.CurrentConnections.ShouldBe(0);
        stats.Sessions.ShouldBe(0);
        await broker.DisposeAsync();
        await Should.ThrowAsync<InvalidOperationException>(() => broker.StartAsync());
    }

    [Fact]
    public async Task Start_PortInUse_ThrowsSocketException()
    {
        await using var first = await StartAsync();
        await using var second = new MqttBroker(new MqttBrokerOptions(port: first.LocalEndPoint.Port));

        await Should.ThrowAsync<System.Net.Sockets.SocketException>(() => second.StartAsync());
        Should.Throw<InvalidOperationException>(() => second.LocalEndPoint);
    }

    [Theory]
    [InlineData("port", -1, 1, 1024, 1, 1, 1.5, 0)]
    [InlineData("maxConnections", 0, 0, 1024, 1, 1, 1.5, 0)]
    [InlineData("maxPacketSize", 0, 1, 10, 1, 1, 1.5, 0)]
    [InlineData("maxQueuedMessages", 0, 1, 1024, 0, 1, 1.5, 0)]
    [InlineData("maxInflightMessages", 0, 1, 1024, 1, 70_000, 1.5, 0)]
    [InlineData("keepAliveGraceFactor", 0, 1, 1024, 1, 1, 0.5, 0)]
    [InlineData("maxRetainedMessages", 0, 1, 1024, 1, 1, 1.5, -1)]
    public void Options_Invalid_ThrowNamingTheOption(
        string option, int port, int maxConnections, int maxPacketSize, int maxQueued, int maxInflight, double grace, int maxRetained)
    {
        var ex = Should.Throw<ArgumentException>(() => new MqttBrokerOptions(
            port: port, maxConnections: maxConnections, maxPacketSize: maxPacketSize, maxQueuedMessages: maxQueued,
            maxInflightMessages: maxInflight, keepAliveGraceFactor: grace, maxRetainedMessages: maxRetained));
        ex.Message.ShouldContain(option + ":");
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new MqttBrokerOptions();

        options.BindAddress.ShouldBe(IPAddress.Loopback);
        options.Port.ShouldBe(1883);
        options.KeepAliveGraceFactor.ShouldBe(1.5);
        options.MaxPacketSize.ShouldBe(MqttPacketCodec.DefaultMaximumPacketSize);
        options.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        Should.Throw<ArgumentException>(() => new MqttBrokerOptions(connectTimeout: TimeSpan.Zero)).Message.ShouldContain("connectTimeout:");
    }
}
