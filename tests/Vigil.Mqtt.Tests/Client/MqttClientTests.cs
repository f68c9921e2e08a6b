using Shouldly;
using Vigil.Mqtt.Client;
using Vigil.Mqtt.Protocol;
using Vigil.Testing;
using Xunit;

namespace Vigil.Mqtt.Tests.Client;

public sealed class MqttClientTests
{
    private static MqttClientOptions Options(int port, string id = "unit") => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = id,
        KeepAlive = TimeSpan.Zero,
        ReconnectDelayMin = TimeSpan.FromMilliseconds(10),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public void Options_Invalid_ThrowArgumentExceptionNamingEachOption()
    {
        var bad = new MqttClientOptions
        {
            Port = 0,
            ClientId = string.Empty,
            CleanSession = false,
            KeepAlive = TimeSpan.FromMilliseconds(1500),
            Password = "secret",
            ReconnectDelayMin = TimeSpan.FromSeconds(5),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            MaxInFlight = 0,
            OutgoingQueueCapacity = 0,
            MaxPacketSize = 10,
        };
        var e = Should.Throw<ArgumentException>(() => new MqttClient(bad));
        e.ParamName.ShouldBe("options");
        foreach (var name in new[] { "Port", "ClientId", "KeepAlive", "Password", "ReconnectDelayMax", "MaxInFlight", "OutgoingQueueCapacity", "MaxPacketSize" })
        {
            e.Message.ShouldContain(name);
        }

        new MqttClientOptions().Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Backoff_IsSeededJitteredExponentialAndBounded()
    {
        var options = new MqttClientOptions { ReconnectDelayMin = TimeSpan.FromMilliseconds(100), ReconnectDelayMax = TimeSpan.FromSeconds(2) };
        var a = Enumerable.Range(0, 12).Select(i => MqttClient.Backoff(options, i, new Random(7))).ToList();
        var b = Enumerable.Range(0, 12).Select(i => MqttClient.Backoff(options, i, new Random(7))).ToList();
        a.ShouldBe(b);
        var random = new Random(1);
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var ceiling = Math.Min(2000, 100 * Math.Pow(2, attempt));
            var delay = MqttClient.Backoff(options, attempt, random).TotalMilliseconds;
            delay.ShouldBeInRange(Math.Max(100, ceiling / 2) - 1e-6, ceiling + 1e-6);
        }

        // Different draws differ: there is jitter.
        Enumerable.Range(0, 20).Select(_ => MqttClient.Backoff(options, 5, random)).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Connect_RefusedConnAck_ThrowsWithReturnCode()
    {
        await using var broker = new FakeBroker(MqttConnectReturnCode.IdentifierRejected);
        await using var client = new MqttClient(Options(broker.Port));
        var e = await Should.ThrowAsync<MqttConnectException>(() => client.ConnectAsync());
        e.ReturnCode.ShouldBe(MqttConnectReturnCode.IdentifierRejected);
        e.Message.ShouldContain("identifier rejected");
        client.IsConnected.ShouldBeFalse();
    }

    [Fact]
    public async Task Connect_NoConnAck_TimesOutOnTheInjectedClock()
    {
        await using var broker = new FakeBroker(autoConnAck: null);
        var time = new FakeTimeProvider();
        await using var client = new MqttClient(Options(broker.Port) with { ConnectTimeout = TimeSpan.FromSeconds(3) }, timeProvider: time);
        var connect = client.ConnectAsync();
        var connection = await broker.NextConnectionAsync();
        (await connection.NextAsync()).ShouldBeOfType<ConnectPacket>();
        await Wait.AdvanceUntil(time, TimeSpan.FromSeconds(1), connect.ContinueWith(_ => { }, TaskScheduler.Default));
        var e = await Should.ThrowAsync<MqttConnectException>(() => connect);
        e.Message.ShouldContain("timed out");
        e.ReturnCode.ShouldBeNull();
    }

    [Fact]
    public async Task Connect_SendsOptionsInConnectPacket()
    {
        await using var broker = new FakeBroker();
        var will = new MqttWill("status/unit", "gone"u8.ToArray(), MqttQualityOfService.AtLeastOnce, retain: true);
        await using var client = new MqttClient(Options(broker.Port) with
        {
            CleanSession = false, KeepAlive = TimeSpan.FromSeconds(42), UserName = "u", Password = "p", Will = will,
        });
        (await client.ConnectAsync()).ShouldBeFalse();
        var connect = await (await broker.NextConnectionAsync()).NextAsync<ConnectPacket>();
        connect.ShouldBe(new ConnectPacket("unit", false, 42, will, "u", "p"u8.ToArray()));
        client.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task KeepAlive_PingsWhenIdle_AndReconnectsWhenNoPingResp()
    {
        await using var broker = new FakeBroker();
        var time = new FakeTimeProvider();
        var disconnected = new TaskCompletionSource<MqttDisconnectReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(
            Options(broker.Port) with { KeepAlive = TimeSpan.FromSeconds(5), PingTimeout = TimeSpan.FromSeconds(2) }, timeProvider: time);
        client.Disconnected += (_, e) => disconnected.TrySetResult(e.Reason);
        await client.ConnectAsync();
        var first = await broker.NextConnectionAsync();
        first.AutoReply = p => p is PingReqPacket ? PingRespPacket.Instance : null;

        // Answered pings keep the connection: two PINGREQs arrive on the same connection.
        await Wait.AdvanceUntil(time, TimeSpan.FromSeconds(1), first.NextAsync<PingReqPacket>());
        await Wait.AdvanceUntil(time, TimeSpan.FromSeconds(1), first.NextAsync<PingReqPacket>());
        broker.ConnectionCount.ShouldBe(1);

        // Unanswered: the client gives up after PingTimeout and reconnects.
        first.AutoReply = null;
        await Wait.AdvanceUntil(time, TimeSpan.FromSeconds(1), disconnected.Task);
        (await disconnected.Task).ShouldBe(MqttDisconnectReason.KeepAliveTimeout);
        var second = broker.NextConnectionAsync();
        await Wait.AdvanceUntil(time, TimeSpan.FromMilliseconds(20), second);
        await (await second).NextAsync<ConnectPacket>();
    }

    [Fact]
    public async Task Reconnect_ResubscribesThenRedeliversUnackedQos1WithDupAndSameId()
    {
        await using var broker = new FakeBroker();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(Options(broker.Port));
        client.Connected += (_, e) =>
        {
            if (e.IsReconnect)
            {
                reconnected.TrySetResult();
            }
        };
        await client.ConnectAsync();
        var first = await broker.NextConnectionAsync();
        var subscribe = client.SubscribeAsync("cmd/#", MqttQualityOfService.AtLeastOnce);
        var sub = await first.NextAsync<SubscribePacket>();
        await first.SendAsync(new SubAckPacket(sub.PacketId, [MqttSubscribeReturnCode.GrantedQos1]));
        (await Wait.For(subscribe)).ShouldBe(MqttSubscribeReturnCode.GrantedQos1);

        var delivered = client.PublishAsync("data/1", "payload"u8.ToArray(), MqttQualityOfService.AtLeastOnce);
        var original = await first.NextAsync<PublishPacket>();
        original.Dup.ShouldBeFalse();
        client.Statistics.InFlight.ShouldBe(1);
        first.Close(); // no PUBACK

        var second = await broker.NextConnectionAsync();
        await second.NextAsync<ConnectPacket>();
        var resubscribe = await second.NextAsync();
        resubscribe.ShouldBeOfType<SubscribePacket>().Subscriptions.ShouldBe([new MqttSubscription("cmd/#", MqttQualityOfService.AtLeastOnce)]);
        await second.SendAsync(new SubAckPacket(((SubscribePacket)resubscribe).PacketId, [MqttSubscribeReturnCode.GrantedQos1]));
        var again = await second.NextAsync<PublishPacket>();
        again.Dup.ShouldBeTrue();
        again.PacketId.ShouldBe(original.PacketId);
        again.Topic.ShouldBe("data/1");
        delivered.IsCompleted.ShouldBeFalse();
        await second.SendAsync(new PubAckPacket(again.PacketId));
        await Wait.For(delivered);
        await Wait.For(reconnected.Task);
        var stats = client.Statistics;
        stats.Reconnects.ShouldBe(1);
        stats.Redeliveries.ShouldBe(1);
        stats.MessagesPublished.ShouldBe(1);
        stats.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task Publish_FullQueue_TryPublishFailsAndEnqueueWaitsUntilAckFreesSpace()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(Options(broker.Port) with { MaxInFlight = 1, OutgoingQueueCapacity = 2 });
        await client.ConnectAsync();
        var connection = await broker.NextConnectionAsync();
        var firstDelivered = await client.EnqueueAsync("q/0", new byte[] { 0 });
        var first = await connection.NextAsync<PublishPacket>(); // in flight, the queue is empty again
        client.TryPublish("q/1", new byte[] { 1 }).ShouldBeTrue();
        client.TryPublish("q/2", new byte[] { 2 }).ShouldBeTrue();
        client.TryPublish("q/3", new byte[] { 3 }).ShouldBeFalse();
        client.Statistics.Queued.ShouldBe(2);
        var waiting = client.EnqueueAsync("q/4", new byte[] { 4 }).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        connection.AutoReply = p => p is PublishPacket { PacketId: var id } ? new PubAckPacket(id) : null;
        await connection.SendAsync(new PubAckPacket(first.PacketId));
        await Wait.For(firstDelivered);
        await Wait.For(await Wait.For(waiting));
        var topics = new List<string> { first.Topic };
        while (topics.Count < 4)
        {
            topics.Add((await connection.NextAsync<PublishPacket>()).Topic);
        }

        topics.ShouldBe(["q/0", "q/1", "q/2", "q/4"]);
    }

    [Fact]
    public async Task Receive_Qos1_PubAckSentOnlyAfterHandlerReturns()
    {
        await using var broker = new FakeBroker();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerDone = 0;
        MqttReceivedMessage? received = null;
        await using var client = new MqttClient(Options(broker.Port), async (m, _) =>
        {
            received = m;
            await release.Task;
            Volatile.Write(ref handlerDone, 1);
        });
        await client.ConnectAsync();
        var connection = await broker.NextConnectionAsync();
        await connection.SendAsync(new PublishPacket("in/x", "v"u8.ToArray(), MqttQualityOfService.AtLeastOnce, retain: true, dup: true, packetId: 77));
        var ack = connection.NextAsync<PubAckPacket>();
        release.SetResult();
        (await ack).PacketId.ShouldBe((ushort)77);
        Volatile.Read(ref handlerDone).ShouldBe(1);
        received.ShouldNotBeNull();
        received.Retain.ShouldBeTrue();
        received.Dup.ShouldBeTrue();
        received.Qos.ShouldBe(MqttQualityOfService.AtLeastOnce);
        client.Statistics.DuplicatesReceived.ShouldBe(1);
    }

    [Fact]
    public async Task Receive_Qos2_DeliveredOnceAndHandshakeCompleted()
    {
        await using var broker = new FakeBroker();
        var sink = new MessageSink();
        await using var client = new MqttClient(Options(broker.Port), sink.Handle);
        await client.ConnectAsync();
        var connection = await broker.NextConnectionAsync();
        var publish = new PublishPacket("in/q2", "once"u8.ToArray(), MqttQualityOfService.ExactlyOnce, packetId: 9);
        await connection.SendAsync(publish);
        (await connection.NextAsync<PubRecPacket>()).PacketId.ShouldBe((ushort)9);
        await connection.SendAsync(publish.WithDelivery(9, dup: true)); // PUBREC lost, say: the broker resends
        (await connection.NextAsync<PubRecPacket>()).PacketId.ShouldBe((ushort)9);
        await connection.SendAsync(new PubRelPacket(9));
        (await connection.NextAsync<PubCompPacket>()).PacketId.ShouldBe((ushort)9);
        await connection.SendAsync(new PublishPacket("in/q0", "end"u8.ToArray()));
        var messages = await sink.UntilAsync(m => m.Topic == "in/q0");
        messages.Count(m => m.Topic == "in/q2").ShouldBe(1);
    }

    [Fact]
    public async Task MalformedBytesFromBroker_CloseAsProtocolErrorAndReconnect()
    {
        await using var broker = new FakeBroker();
        var disconnected = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(Options(broker.Port));
        client.Disconnected += (_, e) => disconnected.TrySetResult(e);
        await client.ConnectAsync();
        var connection = await broker.NextConnectionAsync();
        await connection.SendRawAsync([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]);
        var e = await Wait.For(disconnected.Task);
        e.Reason.ShouldBe(MqttDisconnectReason.ProtocolError);
        e.Exception.ShouldBeOfType<MqttProtocolException>().Error.Code.ShouldBe(MqttProtocolErrorCode.MalformedRemainingLength);
        await (await broker.NextConnectionAsync()).NextAsync<ConnectPacket>();
    }

    [Fact]
    public async Task Publish_Validation()
    {
        await using var client = new MqttClient(new MqttClientOptions { ClientId = "v", MaxPacketSize = 100 });
        await Should.ThrowAsync<ArgumentException>(() => client.PublishAsync("a/+", default));
        await Should.ThrowAsync<NotSupportedException>(() => client.PublishAsync("a", default, MqttQualityOfService.ExactlyOnce));
        await Should.ThrowAsync<ArgumentException>(() => client.PublishAsync("a", new byte[200]));
        await Should.ThrowAsync<InvalidOperationException>(() => client.SubscribeAsync("a"));
    }

    [Fact]
    public async Task Disconnect_SendsDisconnectAndFailsUnackedMessages()
    {
        await using var broker = new FakeBroker();
        var client = new MqttClient(Options(broker.Port));
        var reasons = new List<MqttDisconnectReason>();
        client.Disconnected += (_, e) => reasons.Add(e.Reason);
        await client.ConnectAsync();
        var connection = await broker.NextConnectionAsync();
        var unacked = client.PublishAsync("d/1", new byte[] { 1 });
        await connection.NextAsync<PublishPacket>();
        await client.DisconnectAsync();
        await connection.NextAsync<DisconnectPacket>();
        await Should.ThrowAsync<MqttClientException>(() => Wait.For(unacked));
        await Should.ThrowAsync<MqttClientException>(() => client.PublishAsync("d/2", default));
        reasons.ShouldBe([MqttDisconnectReason.ClientDisconnected]);
        await client.DisposeAsync();
    }
}
