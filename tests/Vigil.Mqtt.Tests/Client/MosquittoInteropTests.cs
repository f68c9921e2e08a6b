using System.Text;
using Shouldly;
using Vigil.Mqtt.Client;
using Vigil.Mqtt.Protocol;
using Vigil.Testing;
using Xunit;

namespace Vigil.Mqtt.Tests.Client;

/// <summary>The client against a real mosquitto 2.x broker, and against mosquitto_pub / mosquitto_sub as the other party.</summary>
public sealed class MosquittoInteropTests
{
    private static MqttClientOptions Options(Mosquitto broker, string id) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = id,
        KeepAlive = TimeSpan.FromSeconds(10),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(20),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(MqttReceivedMessage m) => Encoding.UTF8.GetString(m.Payload.Span);

    [Fact]
    public async Task PublishSubscribe_Qos0AndQos1_RoundTrip()
    {
        await using var broker = await Mosquitto.StartAsync();
        var sink = new MessageSink();
        await using var client = new MqttClient(Options(broker, "roundtrip"), sink.Handle);
        (await client.ConnectAsync()).ShouldBeFalse();
        (await client.SubscribeAsync("vigil/rt/#", MqttQualityOfService.AtLeastOnce)).ShouldBe(MqttSubscribeReturnCode.GrantedQos1);

        await client.PublishAsync("vigil/rt/a", Utf8("zero"), MqttQualityOfService.AtMostOnce);
        await client.PublishAsync("vigil/rt/b", Utf8("one"), MqttQualityOfService.AtLeastOnce);
        var first = await sink.NextAsync();
        var second = await sink.NextAsync();
        (first.Topic, Text(first), first.Qos, first.Retain).ShouldBe(("vigil/rt/a", "zero", MqttQualityOfService.AtMostOnce, false));
        (second.Topic, Text(second), second.Qos).ShouldBe(("vigil/rt/b", "one", MqttQualityOfService.AtLeastOnce));

        // Subscription QoS caps delivery QoS; a binary and an empty payload survive.
        await client.UnsubscribeAsync("vigil/rt/#");
        await client.SubscribeAsync("vigil/rt/#", MqttQualityOfService.AtMostOnce);
        var binary = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();
        await client.PublishAsync("vigil/rt/bin", binary, MqttQualityOfService.AtLeastOnce);
        await client.PublishAsync("vigil/rt/empty", ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtLeastOnce);
        var big = await sink.NextAsync();
        big.Payload.ToArray().ShouldBe(binary);
        big.Qos.ShouldBe(MqttQualityOfService.AtMostOnce);
        (await sink.NextAsync()).Payload.Length.ShouldBe(0);

        var stats = client.Statistics;
        stats.MessagesPublished.ShouldBe(4);
        stats.MessagesReceived.ShouldBe(4);
        client.Subscriptions.Keys.ShouldBe(["vigil/rt/#"]);
    }

    [Fact]
    public async Task Subscribe_Wildcards_MatchAsTheBrokerDoes()
    {
        await using var broker = await Mosquitto.StartAsync();
        var sink = new MessageSink();
        await using var client = new MqttClient(Options(broker, "wildcards"), sink.Handle);
        await client.ConnectAsync();
        var granted = await client.SubscribeAsync([new MqttSubscription("w/+/temp", MqttQualityOfService.AtLeastOnce), new MqttSubscription("w/m2/#", MqttQualityOfService.AtMostOnce)]);
        granted.ShouldBe([MqttSubscribeReturnCode.GrantedQos1, MqttSubscribeReturnCode.GrantedQos0]);

        string[] topics = ["w/m1/temp", "w/m3/hum", "w/m2/x/y", "w/m1/temp/raw", "w/m2", "w/m9/temp", "w/m2/end"];
        foreach (var topic in topics)
        {
            await client.PublishAsync(topic, Utf8(topic), MqttQualityOfService.AtLeastOnce);
        }

        var received = (await sink.UntilAsync(m => m.Topic == "w/m2/end")).Select(m => m.Topic).ToList();
        received.ShouldBe(["w/m1/temp", "w/m2/x/y", "w/m2", "w/m9/temp", "w/m2/end"]);
        received.ShouldBe(topics.Where(t => TopicFilter.Matches("w/+/temp", t) || TopicFilter.Matches("w/m2/#", t)).ToList());
    }

    [Fact]
    public async Task Retained_DeliveredToLateSubscriberWithRetainFlag()
    {
        await using var broker = await Mosquitto.StartAsync();
        await using (var publisher = new MqttClient(Options(broker, "retain-pub")))
        {
            await publisher.ConnectAsync();
            await publisher.PublishAsync("machines/7/state", Utf8("running"), MqttQualityOfService.AtLeastOnce, retain: true);
            await publisher.DisconnectAsync();
        }

        var sink = new MessageSink();
        await using var late = new MqttClient(Options(broker, "retain-sub"), sink.Handle);
        await late.ConnectAsync();
        await late.SubscribeAsync("machines/+/state");
        var retained = await sink.NextAsync();
        (retained.Topic, Text(retained), retained.Retain).ShouldBe(("machines/7/state", "running", true));

        // A live publication to an established subscription is not flagged retained.
        await late.PublishAsync("machines/8/state", Utf8("idle"), MqttQualityOfService.AtLeastOnce);
        var live = await sink.NextAsync();
        (live.Topic, live.Retain).ShouldBe(("machines/8/state", false));
    }

    [Fact]
    public async Task Will_PublishedWhenTheSocketDiesWithoutDisconnect()
    {
        await using var broker = await Mosquitto.StartAsync();
        var sink = new MessageSink();
        await using var watcher = new MqttClient(Options(broker, "will-watcher"), sink.Handle);
        await watcher.ConnectAsync();
        await watcher.SubscribeAsync("status/#");

        var will = new MqttWill("status/edge-1", Utf8("offline"), MqttQualityOfService.AtLeastOnce);
        await using var edge = new MqttClient(Options(broker, "edge-1") with { Will = will, AutoReconnect = false });
        await edge.ConnectAsync();
        edge.AbortConnection();

        var message = await sink.NextAsync();
        (message.Topic, Text(message), message.Qos).ShouldBe(("status/edge-1", "offline", MqttQualityOfService.AtLeastOnce));
    }

    [Fact]
    public async Task BadPassword_ClearError_GoodPasswordConnects()
    {
        await using var broker = await Mosquitto.StartAsync(user: "vigil", password: "s3cret");
        await using var wrong = new MqttClient(Options(broker, "auth-bad") with { UserName = "vigil", Password = "nope" });
        var e = await Should.ThrowAsync<MqttConnectException>(() => wrong.ConnectAsync());
        e.ReturnCode.ShouldNotBeNull();
        e.ReturnCode.Value.ShouldBeOneOf(MqttConnectReturnCode.NotAuthorized, MqttConnectReturnCode.BadUserNameOrPassword);
        e.Message.ShouldContain("user name and password", Case.Insensitive);

        await using var anonymous = new MqttClient(Options(broker, "auth-anon"));
        (await Should.ThrowAsync<MqttConnectException>(() => anonymous.ConnectAsync())).ReturnCode.ShouldNotBeNull();

        await using var right = new MqttClient(Options(broker, "auth-good") with { UserName = "vigil", Password = "s3cret" });
        await right.ConnectAsync();
        right.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task PersistentSession_ReceivesQos1MessagesPublishedWhileOffline()
    {
        await using var broker = await Mosquitto.StartAsync();
        var options = Options(broker, "vigil-persistent") with { CleanSession = false };
        await using (var first = new MqttClient(options))
        {
            await first.ConnectAsync();
            await first.SubscribeAsync("orders/#", MqttQualityOfService.AtLeastOnce);
            await first.DisconnectAsync();
        }

        await using (var publisher = new MqttClient(Options(broker, "orders-pub")))
        {
            await publisher.ConnectAsync();
            for (var i = 0; i < 5; i++)
            {
                await publisher.PublishAsync($"orders/{i}", Utf8($"order {i}"), MqttQualityOfService.AtLeastOnce);
            }

            await publisher.DisconnectAsync();
        }

        var sink = new MessageSink();
        await using var again = new MqttClient(options, sink.Handle);
        (await again.ConnectAsync()).ShouldBeTrue(); // session present
        var received = new List<string>();
        while (received.Count < 5)
        {
            received.Add(Text(await sink.NextAsync()));
        }

        received.ShouldBe(Enumerable.Range(0, 5).Select(i => $"order {i}"));
        again.Subscriptions.ShouldBeEmpty(); // the broker kept them; nothing to resubscribe
    }

    [Fact]
    public async Task BrokerRestart_ClientReconnectsResubscribesAndDeliversWhatItPublishedDuringTheOutage()
    {
        await using var broker = await Mosquitto.StartAsync();
        var sink = new MessageSink();
        var disconnected = new TaskCompletionSource<MqttDisconnectReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(Options(broker, "restart"), sink.Handle);
        client.Disconnected += (_, e) => disconnected.TrySetResult(e.Reason);
        client.Connected += (_, e) =>
        {
            if (e.IsReconnect)
            {
                reconnected.TrySetResult(e.SessionPresent);
            }
        };
        await client.ConnectAsync();
        await client.SubscribeAsync("stream/#", MqttQualityOfService.AtLeastOnce);

        var before = Enumerable.Range(0, 20).Select(i => client.PublishAsync($"stream/{i}", Utf8($"{i}"), MqttQualityOfService.AtLeastOnce)).ToList();
        await Wait.For(Task.WhenAll(before));

        await broker.KillAsync();
        (await Wait.For(disconnected.Task)).ShouldBe(MqttDisconnectReason.ConnectionLost);
        client.IsConnected.ShouldBeFalse();

        // Published while the broker is down: queued, not lost.
        var during = new List<Task>();
        for (var i = 20; i < 40; i++)
        {
            during.Add(await client.EnqueueAsync($"stream/{i}", Utf8($"{i}"), MqttQualityOfService.AtLeastOnce));
        }

        await broker.RestartAsync();
        (await Wait.For(reconnected.Task)).ShouldBeFalse(); // persistence false: the broker lost the session, so the client resubscribed
        await Wait.For(Task.WhenAll(during));

        // QoS 1 guarantees at least once: every message arrives, duplicates are allowed.
        var seen = new HashSet<int>();
        while (seen.Count < 40)
        {
            seen.Add(int.Parse(Text(await sink.NextAsync()), System.Globalization.CultureInfo.InvariantCulture));
        }

        seen.ShouldBe(Enumerable.Range(0, 40), ignoreOrder: true);
        client.Statistics.Reconnects.ShouldBeGreaterThanOrEqualTo(1);
        client.Subscriptions.Keys.ShouldBe(["stream/#"]);
    }

    [Fact]
    public async Task MosquittoPubAndSub_AsTheOtherParty()
    {
        await using var broker = await Mosquitto.StartAsync();
        var pub = Mosquitto.Require("mosquitto_pub");
        var sub = Mosquitto.Require("mosquitto_sub");
        var port = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sink = new MessageSink();
        await using var client = new MqttClient(Options(broker, "cli-peer"), sink.Handle);
        await client.ConnectAsync();
        await client.SubscribeAsync("cli/in", MqttQualityOfService.AtLeastOnce);

        // mosquitto_pub -> our client.
        var published = await ProcessRunner.RunAsync(pub, ["-h", "127.0.0.1", "-p", port, "-q", "1", "-t", "cli/in", "-m", "héllo from mosquitto_pub"], TimeSpan.FromSeconds(10));
        published.Succeeded.ShouldBeTrue(published.Output);
        var message = await sink.NextAsync();
        (Text(message), message.Qos).ShouldBe(("héllo from mosquitto_pub", MqttQualityOfService.AtLeastOnce));

        // Our client -> mosquitto_sub: publish until the subscriber (started concurrently) has printed one message.
        var subscriber = ProcessRunner.RunAsync(sub, ["-h", "127.0.0.1", "-p", port, "-q", "1", "-t", "cli/out", "-C", "1", "-v"], TimeSpan.FromSeconds(10));
        for (var i = 0; i < 500 && !subscriber.IsCompleted; i++)
        {
            await client.PublishAsync("cli/out", Utf8("from vigil"), MqttQualityOfService.AtLeastOnce);
            await Task.WhenAny(subscriber, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        var result = await Wait.For(subscriber);
        result.Succeeded.ShouldBeTrue(result.Output);
        result.Output.Trim().ShouldBe("cli/out from vigil");
    }
}
