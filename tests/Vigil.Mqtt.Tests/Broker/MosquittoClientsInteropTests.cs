using System.Diagnostics;
using System.Globalization;
using Shouldly;
using Vigil.Mqtt.Broker;
using Vigil.Mqtt.Protocol;
using Vigil.Testing;
using Xunit;

namespace Vigil.Mqtt.Tests.Broker;

/// <summary>Our broker against the real mosquitto command-line clients (mosquitto_pub, mosquitto_sub).</summary>
[Collection(BrokerCollection.Name)]
public sealed class MosquittoClientsInteropTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task MosquittoSub_ReceivesQos0Qos1AndQos2PublishesFromMosquittoPub()
    {
        var (pub, sub) = Tools();
        await using var broker = await BrokerTests.StartAsync();
        var subscribed = WaitForSubscription(broker, "interop-sub");
        using var subscriber = Start(sub, Args(broker, "-i", "interop-sub", "-t", "sensors/#", "-q", "1", "-C", "3", "-F", "%q %r %t %p"));
        await subscribed.WaitAsync(ToolTimeout);

        foreach (var (qos, topic, payload) in new[] { ("0", "sensors/m1/temp", "21.5"), ("1", "sensors/m2/temp", "19.0"), ("2", "sensors/m3/hum", "40") })
        {
            var r = await ProcessRunner.RunAsync(pub, Args(broker, "-q", qos, "-t", topic, "-m", payload), ToolTimeout);
            r.Succeeded.ShouldBeTrue(r.Output);
        }

        var lines = await OutputLinesAsync(subscriber);

        // "%q %r %t %p": the delivered QoS is the lower of the publish QoS and the granted 1; RETAIN is 0 on a live subscription.
        lines.Order(StringComparer.Ordinal).ShouldBe(["0 0 sensors/m1/temp 21.5", "1 0 sensors/m2/temp 19.0", "1 0 sensors/m3/hum 40"]);
        broker.GetStatistics().MessagesReceived.ShouldBe(3);
    }

    [Fact]
    public async Task MosquittoPubRetained_DeliveredToALaterMosquittoSub_ThenDeletedByEmptyRetained()
    {
        var (pub, sub) = Tools();
        await using var broker = await BrokerTests.StartAsync();
        var r = await ProcessRunner.RunAsync(pub, Args(broker, "-r", "-q", "1", "-t", "sensors/config", "-m", "v1"), ToolTimeout);
        r.Succeeded.ShouldBeTrue(r.Output);
        broker.GetStatistics().RetainedMessages.ShouldBe(1);

        var later = await ProcessRunner.RunAsync(sub, Args(broker, "-t", "sensors/#", "-q", "1", "-C", "1", "-F", "%r %t %p"), ToolTimeout);

        later.Succeeded.ShouldBeTrue(later.Output);
        later.Output.Trim().ShouldBe("1 sensors/config v1");

        // -n sends an empty payload; with -r it deletes the retained message ([MQTT-3.3.1-10]). QoS 1, so it is processed on exit.
        var delete = await ProcessRunner.RunAsync(pub, Args(broker, "-r", "-n", "-q", "1", "-t", "sensors/config"), ToolTimeout);
        delete.Succeeded.ShouldBeTrue(delete.Output);
        broker.GetStatistics().RetainedMessages.ShouldBe(0);
    }

    [Fact]
    public async Task MosquittoSubKilledWithSigkill_ItsWillIsPublished()
    {
        var (_, sub) = Tools();
        await using var broker = await BrokerTests.StartAsync();
        await using var watcher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "watcher");
        await watcher.SubscribeAsync(("status/#", MqttQualityOfService.AtLeastOnce));
        var subscribed = WaitForSubscription(broker, "doomed");
        using var doomed = Start(sub, Args(
            broker, "-i", "doomed", "-t", "commands/doomed", "-k", "60",
            "--will-topic", "status/doomed", "--will-payload", "offline", "--will-qos", "1"));
        await subscribed.WaitAsync(ToolTimeout);

        doomed.Kill(); // SIGKILL on Unix: no DISCONNECT, the socket just closes.

        var will = await watcher.ExpectPublishAsync("status/doomed", "offline");
        will.Qos.ShouldBe(MqttQualityOfService.AtLeastOnce);
        await watcher.SendAsync(new PubAckPacket(will.PacketId));
    }

    [Fact]
    public async Task MosquittoSubDisconnectingNormally_NoWill()
    {
        var (pub, sub) = Tools();
        await using var broker = await BrokerTests.StartAsync();
        await using var watcher = await RawMqttClient.ConnectAsync(broker.LocalEndPoint, "watcher");
        await watcher.SubscribeAsync(("status/#", MqttQualityOfService.AtMostOnce));
        var subscribed = WaitForSubscription(broker, "polite");
        using var polite = Start(sub, Args(
            broker, "-i", "polite", "-t", "commands/polite", "-C", "1", "--will-topic", "status/polite", "--will-payload", "offline"));
        await subscribed.WaitAsync(ToolTimeout);

        // -C 1: after one message mosquitto_sub sends DISCONNECT and exits.
        (await ProcessRunner.RunAsync(pub, Args(broker, "-q", "1", "-t", "commands/polite", "-m", "bye"), ToolTimeout)).Succeeded.ShouldBeTrue();
        (await OutputLinesAsync(polite)).ShouldBe(["bye"]);
        await WaitForCleanDisconnectAsync(broker, "polite");

        broker.Publish("status/sentinel", "s"u8.ToArray());
        await watcher.ExpectPublishAsync("status/sentinel", "s");
    }

    [Fact]
    public async Task MosquittoPub_WithBadPassword_RefusedWithNonZeroExit_GoodPasswordAccepted()
    {
        var (pub, _) = Tools();
        await using var broker = await BrokerTests.StartAsync(new MqttBrokerOptions(port: 0, authenticator: MqttBrokerOptions.SingleUser("vigil", "s3cret")));

        var bad = await ProcessRunner.RunAsync(pub, Args(broker, "-u", "vigil", "-P", "wrong", "-t", "t", "-m", "x"), ToolTimeout);
        var good = await ProcessRunner.RunAsync(pub, Args(broker, "-u", "vigil", "-P", "s3cret", "-q", "1", "-t", "t", "-m", "x"), ToolTimeout);

        bad.TimedOut.ShouldBeFalse();
        bad.ExitCode.ShouldNotBe(0, bad.Output);
        bad.Output.ShouldContain("user name or password", Case.Insensitive);
        good.Succeeded.ShouldBeTrue(good.Output);
        broker.GetStatistics().MessagesReceived.ShouldBe(1);
    }

    private static (string Pub, string Sub) Tools()
    {
        var pub = Services.FindExecutable("mosquitto_pub");
        var sub = Services.FindExecutable("mosquitto_sub");
        if (pub is null || sub is null)
        {
            Services.Unavailable("mosquitto_pub/mosquitto_sub are not on PATH (apt-get install mosquitto-clients)");
        }

        return (pub, sub);
    }

    private static string[] Args(MqttBroker broker, params string[] rest) =>
        ["-h", "127.0.0.1", "-p", broker.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv311", .. rest];

    private static Task WaitForSubscription(MqttBroker broker, string clientId)
    {
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.ClientSubscribed += (_, e) =>
        {
            if (e.ClientId == clientId)
            {
                subscribed.TrySetResult();
            }
        };
        return subscribed.Task;
    }

    private static async Task WaitForCleanDisconnectAsync(MqttBroker broker, string clientId)
    {
        // The event may already have fired; the session count tells: a clean session is removed when its connection closes.
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.ClientDisconnected += (_, e) =>
        {
            if (e.ClientId == clientId)
            {
                gone.TrySetResult();
            }
        };
        if (broker.GetSessionBacklog(clientId) is not null)
        {
            await gone.Task.WaitAsync(ToolTimeout);
        }
    }

    private static Process Start(string fileName, string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static async Task<string[]> OutputLinesAsync(Process process)
    {
        using var cts = new CancellationTokenSource(ToolTimeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);
            process.ExitCode.ShouldBe(0, await stderr);
            return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
