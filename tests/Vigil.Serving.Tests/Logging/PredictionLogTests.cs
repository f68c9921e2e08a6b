using Shouldly;
using Vigil.Data.Frames;
using Vigil.Serving.Logging;
using Vigil.Testing;
using Xunit;

namespace Vigil.Serving.Tests.Logging;

public sealed class PredictionLogTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static PredictionLogEntry Entry(PredictionId id, string model = "pdm", string variant = "primary", bool shadow = false) =>
        new(id.Value, id.Timestamp, model, 3, variant, shadow,
            new Dictionary<string, object?> { ["Type"] = "M", ["Torque [Nm]"] = 41.5, ["Broken"] = true, ["Missing"] = null },
            new PredictionOutput("1", null, new Dictionary<string, double> { ["0"] = 0.25, ["1"] = 0.75 }));

    [Fact]
    public void Ids_AreUniqueTimeOrderedAndDeterministicUnderAFakeClock()
    {
        var time = new FakeTimeProvider();
        var ids = new PredictionIds(time);

        var a = ids.Next();
        var b = ids.Next();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var c = ids.Next();

        a.Value.ShouldBe($"{time.GetUtcNow().AddMilliseconds(-1).ToUnixTimeMilliseconds():x12}-0000000001");
        string.CompareOrdinal(a.Value, b.Value).ShouldBeLessThan(0);
        string.CompareOrdinal(b.Value, c.Value).ShouldBeLessThan(0);
        c.Timestamp.ShouldBe(time.GetUtcNow());
        new PredictionIds(new FakeTimeProvider()).Next().ShouldBe(a);
        PredictionIds.TryGetTimestamp(c.Value, out var decoded).ShouldBeTrue();
        decoded.ShouldBe(c.Timestamp);
        PredictionIds.TryGetTimestamp("nope", out _).ShouldBeFalse();
        new PredictionIds(time, "replica.2").Next().Value.ShouldEndWith("-replica.2");
        Should.Throw<ArgumentException>(() => new PredictionIds(time, "a/b")).ParamName.ShouldBe("instance");
    }

    [Fact]
    public void Ids_ConcurrentCallers_NeverCollide()
    {
        var ids = new PredictionIds(new FakeTimeProvider());

        var issued = Enumerable.Range(0, 8).AsParallel().SelectMany(_ => Enumerable.Range(0, 1000).Select(_ => ids.Next().Value)).ToList();

        issued.Distinct().Count().ShouldBe(8000);
    }

    [Fact]
    public async Task Log_WritesOneJsonLinePerEntryPerModelAndDay_AndReadsThemBack()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 23, 59, 59, 500, TimeSpan.Zero));
        PredictionId first, second, third;
        await using (var log = new PredictionLog(new PredictionLogOptions(dir.Path), time))
        {
            first = log.NextId();
            log.TryAppend(Entry(first)).ShouldBeTrue();
            log.TryAppend(Entry(log.NextId(), model: "other")).ShouldBeTrue();
            time.Advance(TimeSpan.FromSeconds(1));
            second = log.NextId();
            third = log.NextId();
            log.TryAppendRange([Entry(second, variant: "canary"), Entry(third, variant: "shadow", shadow: true)]).ShouldBe(2);
            await log.FlushAsync(Token);
            log.Written.ShouldBe(4);
        }

        File.Exists(PredictionLog.FileOf(dir.Path, "pdm", new DateOnly(2026, 3, 4))).ShouldBeTrue();
        File.Exists(PredictionLog.FileOf(dir.Path, "pdm", new DateOnly(2026, 3, 5))).ShouldBeTrue();
        PredictionLog.FileOf(dir.Path, "pdm", new DateOnly(2026, 3, 4)).ShouldEndWith(Path.Combine("predictions", "pdm", "2026-03-04.jsonl"));
        var line = (await File.ReadAllLinesAsync(PredictionLog.FileOf(dir.Path, "pdm", new DateOnly(2026, 3, 4)), Token)).ShouldHaveSingleItem();
        line.ShouldBe(
            $$"""{"prediction_id":"{{first.Value}}","timestamp":"2026-03-04T23:59:59.500Z","model":"pdm","version":3,"variant":"primary","shadow":false,""" +
            """ "inputs":{"Type":"M","Torque [Nm]":41.5,"Broken":true,"Missing":null},"outputs":{"label":"1","probabilities":{"0":0.25,"1":0.75}}}""".TrimStart());

        var reader = new PredictionLogReader(dir.Path);
        reader.Days("pdm").ShouldBe([new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 5)]);
        var entries = await reader.ReadAsync("pdm", cancellationToken: Token).ToListAsync(Token);
        entries.Select(e => e.PredictionId).ShouldBe([first.Value, second.Value, third.Value]);
        entries[0].Timestamp.ShouldBe(first.Timestamp);
        entries[0].Inputs["Torque [Nm]"].ShouldBe(41.5);
        entries[0].Inputs["Type"].ShouldBe("M");
        entries[0].Inputs["Missing"].ShouldBeNull();
        entries[0].Outputs.Label.ShouldBe("1");
        entries[0].Outputs.Probabilities!["1"].ShouldBe(0.75);
        entries[2].Shadow.ShouldBeTrue();
        entries[2].Variant.ShouldBe("shadow");
        (await reader.ReadAsync("pdm", from: new DateOnly(2026, 3, 5), cancellationToken: Token).CountAsync(Token)).ShouldBe(2);
        (await reader.FindAsync("pdm", second.Value, Token))!.Variant.ShouldBe("canary");
        (await reader.FindAsync("pdm", "000000000000-0000000009", Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Log_FullQueue_DropsAndCountsWithoutBlocking()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var log = new PredictionLog(new PredictionLogOptions(dir.Path) { Capacity = 4 }, time, start.Task);

        var accepted = Enumerable.Range(0, 10).Count(_ => log.TryAppend(Entry(log.NextId())));

        accepted.ShouldBe(4);
        log.Dropped.ShouldBe(6);
        log.Accepted.ShouldBe(4);
        start.SetResult();
        await log.FlushAsync(Token);
        log.Written.ShouldBe(4);
        (await new PredictionLogReader(dir.Path).ReadAsync("pdm", cancellationToken: Token).CountAsync(Token)).ShouldBe(4);
    }

    [Fact]
    public async Task Log_Dispose_FlushesEverythingAccepted()
    {
        using var dir = new TempDirectory();
        var log = new PredictionLog(new PredictionLogOptions(dir.Path), new FakeTimeProvider());
        for (var i = 0; i < 500; i++)
        {
            log.TryAppend(Entry(log.NextId()));
        }

        await log.DisposeAsync();

        log.Written.ShouldBe(500);
        log.TryAppend(Entry(log.NextId())).ShouldBeFalse();
        (await new PredictionLogReader(dir.Path).ReadAsync("pdm", cancellationToken: Token).CountAsync(Token)).ShouldBe(500);
    }

    [Fact]
    public async Task Reader_TornLastLine_IsSkipped_ButACorruptMiddleLineIsReported()
    {
        using var dir = new TempDirectory();
        var ids = new PredictionIds(new FakeTimeProvider());
        var id = ids.Next();
        var path = PredictionLog.FileOf(dir.Path, "pdm", DateOnly.FromDateTime(id.Timestamp.UtcDateTime));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var good = Entry(id).ToJson();
        await File.WriteAllTextAsync(path, good + "\n" + good[..20], Token);
        var reader = new PredictionLogReader(dir.Path);

        (await reader.ReadAsync("pdm", cancellationToken: Token).CountAsync(Token)).ShouldBe(1);

        await File.WriteAllTextAsync(path, good[..20] + "\n" + good + "\n", Token);
        var error = await Should.ThrowAsync<FormatException>(async () => await reader.ReadAsync("pdm", cancellationToken: Token).CountAsync(Token));
        error.Message.ShouldContain("line 1");
    }

    [Fact]
    public void FromScore_BuildsOneEntryPerRowWithInputsAndOutputs()
    {
        var records = new DataFrame([new Float64Column("x", [1.5, double.NaN]), new StringColumn("kind", ["a", null])]);
        var result = new ScoreResult(2, ["yes", "no"], null, [0.2, 0.8, 0.9, 0.1], ["no", "yes"]);
        var ids = new PredictionIds(new FakeTimeProvider());

        var entries = PredictionLogEntry.FromScore([ids.Next(), ids.Next()], records, result, new ModelIdentity("pdm", 4, "s"), "b", shadow: false);

        entries.Count.ShouldBe(2);
        entries[0].Inputs["x"].ShouldBe(1.5);
        entries[1].Inputs["x"].ShouldBeNull();
        entries[1].Inputs["kind"].ShouldBeNull();
        entries[0].Outputs.Label.ShouldBe("yes");
        entries[0].Outputs.Probabilities!["yes"].ShouldBe(0.8);
        entries[1].Outputs.Probabilities!["no"].ShouldBe(0.9);
        entries[0].Version.ShouldBe(4);
        entries[0].Variant.ShouldBe("b");
        Should.Throw<ArgumentException>(() => PredictionLogEntry.FromScore([ids.Next()], records, result, new ModelIdentity("pdm", 4, "s"), "b", false));
    }

    [Theory]
    [InlineData("pdm", "pdm")]
    [InlineData("my.model-v2_x", "my.model-v2_x")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("..", "%2E%2E")]
    [InlineData("mödel", "m%C3%B6del")]
    public void FolderNameOf_EscapesUnsafeNames(string model, string folder) => PredictionLog.FolderNameOf(model).ShouldBe(folder);
}
