using System.Globalization;
using Shouldly;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Runs;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>The contract's search, pagination and concurrency behaviours.</summary>
public abstract partial class TrackingStoreContract
{
    // 300 runs: i = 0..299, f1 = i / 300, model = rf|gbm|lin by i % 3, team tag a|b by i % 2, FINISHED when i % 5 == 0, start = 1000 + i.
    private async Task<(string Experiment, List<string> RunIds)> SeedRuns(int count = 300)
    {
        var experiment = await Store.CreateExperimentAsync("search-" + count.ToString(CultureInfo.InvariantCulture), cancellationToken: Ct);
        List<string> ids = [];
        for (var i = 0; i < count; i++)
        {
            var run = await Store.CreateRunAsync(new NewRun(experiment, "user", $"Run-{i:D3}", 1000 + i), Ct);
            ids.Add(run.Info.RunId);
            await Store.LogBatchAsync(run.Info.RunId,
                [new Metric("f1", i / 300.0, 1, 0), new Metric("my metric", i, 1, 0)],
                [new Param("model", (i % 3) switch { 0 => "rf", 1 => "gbm", _ => "lin" })],
                [new Tag("team", i % 2 == 0 ? "a" : "b")], Ct);
            if (i % 5 == 0)
            {
                await Store.UpdateRunAsync(run.Info.RunId, new RunUpdate(RunStatus.Finished, 5000 + i), Ct);
            }
        }

        return (experiment, ids);
    }

    private static IEnumerable<int> Indices(Page<Run> page) =>
        page.Items.Select(r => int.Parse(r.Info.RunName[4..], CultureInfo.InvariantCulture));

    [Fact]
    public async Task SearchRuns_FiltersAndOrders_OverHundredsOfRuns()
    {
        var (experiment, _) = await SeedRuns();
        Task<Page<Run>> Search(string? filter, params string[] orderBy) =>
            Store.SearchRunsAsync(new RunSearch([experiment], filter, MaxResults: 1000, OrderBy: orderBy), Ct);

        var combined = await Search("metrics.f1 > 0.8 and params.model = 'rf' and tags.team = 'a'");
        var status = await Search("attributes.status = 'FINISHED'", "attributes.start_time ASC");
        var like = await Search("attributes.run_name LIKE 'Run-01%'", "metrics.f1 DESC");
        var caseSensitive = await Search("attributes.run_name LIKE 'run-01%'");
        var ilike = await Search("attributes.run_name ILIKE 'run-01%'");
        var inList = await Search("params.model IN ('rf', 'lin') and metrics.`my metric` <= 5");
        var notEqual = await Search("params.model != 'rf' and metrics.\"my metric\" >= 295");
        var defaultOrder = await Search(null);

        Indices(combined).Order().ShouldBe(Enumerable.Range(241, 59).Where(i => i % 3 == 0 && i % 2 == 0));
        Indices(status).ShouldBe(Enumerable.Range(0, 300).Where(i => i % 5 == 0));
        Indices(like).ShouldBe(Enumerable.Range(10, 10).Reverse());
        caseSensitive.Items.ShouldBeEmpty();
        Indices(ilike).Order().ShouldBe(Enumerable.Range(10, 10));
        Indices(inList).Order().ShouldBe([0, 2, 3, 5]);
        Indices(notEqual).Order().ShouldBe([295, 296, 298, 299]);
        Indices(defaultOrder).ShouldBe(Enumerable.Range(0, 300).Reverse());
    }

    [Fact]
    public async Task SearchRuns_OrderByParamThenMetric_MissingValuesLast()
    {
        var (experiment, ids) = await SeedRuns(6);
        var bare = await Store.CreateRunAsync(new NewRun(experiment, RunName: "Run-999", StartTime: 1), Ct);

        var page = await Store.SearchRunsAsync(new RunSearch([experiment], OrderBy: ["params.model ASC", "metrics.f1 DESC"]), Ct);
        var descending = await Store.SearchRunsAsync(new RunSearch([experiment], OrderBy: ["metrics.f1 DESC"]), Ct);

        // gbm: 1, 4; lin: 2, 5; rf: 0, 3 — then the run without the param.
        Indices(page).ShouldBe([4, 1, 5, 2, 3, 0, 999]);
        Indices(descending).Last().ShouldBe(999);
        ids.Count.ShouldBe(6);
        bare.Info.RunName.ShouldBe("Run-999");
    }

    [Fact]
    public async Task SearchRuns_Pagination_VisitsEveryRunOnceInOrder()
    {
        var (experiment, ids) = await SeedRuns(250);
        List<string> seen = [];
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.SearchRunsAsync(new RunSearch([experiment], "metrics.f1 >= 0", MaxResults: 40, OrderBy: ["metrics.f1 ASC"], PageToken: token), Ct);
            seen.AddRange(page.Items.Select(r => r.Info.RunId));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        pages.ShouldBe(7);
        seen.ShouldBe(ids);
    }

    [Fact]
    public async Task SearchRuns_TamperedOrForeignPageToken_IsInvalid()
    {
        var (experiment, _) = await SeedRuns(5);
        var first = await Store.SearchRunsAsync(new RunSearch([experiment], MaxResults: 2), Ct);
        var token = first.NextPageToken!;
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        var edited = await Should.ThrowAsync<TrackingException>(() => Store.SearchRunsAsync(new RunSearch([experiment], MaxResults: 2, PageToken: tampered), Ct));
        var foreign = await Should.ThrowAsync<TrackingException>(() =>
            Store.SearchRunsAsync(new RunSearch([experiment], "params.model = 'rf'", MaxResults: 2, PageToken: token), Ct));
        var garbage = await Should.ThrowAsync<TrackingException>(() => Store.SearchRunsAsync(new RunSearch([experiment], PageToken: "not a token!"), Ct));

        edited.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        foreign.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        garbage.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
    }

    [Theory]
    [InlineData("metrics.f1 > 'high'")]
    [InlineData("params.model > 'a'")]
    [InlineData("attributes.nope = 'x'")]
    [InlineData("metrics.f1 > 0.5 or params.model = 'rf'")]
    [InlineData("attributes.start_time = 'yesterday'")]
    [InlineData("bogus.key = 'x'")]
    public async Task SearchRuns_BadFilter_IsInvalidParameterValue(string filter)
    {
        var error = await Should.ThrowAsync<TrackingException>(() => Store.SearchRunsAsync(new RunSearch(["0"], filter), Ct));

        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        error.Message.ShouldContain("position");
    }

    [Fact]
    public async Task SearchRuns_ViewType_SelectsLifecycle()
    {
        var (experiment, ids) = await SeedRuns(4);
        await Store.DeleteRunAsync(ids[1], Ct);

        (await Store.SearchRunsAsync(new RunSearch([experiment]), Ct)).Items.Count.ShouldBe(3);
        (await Store.SearchRunsAsync(new RunSearch([experiment], RunViewType: ViewType.DeletedOnly), Ct)).Items.Single().Info.RunId.ShouldBe(ids[1]);
        (await Store.SearchRunsAsync(new RunSearch([experiment], RunViewType: ViewType.All), Ct)).Items.Count.ShouldBe(4);
    }

    [Fact]
    public async Task SearchRuns_ReturnsRunData()
    {
        var (experiment, _) = await SeedRuns(3);

        var run = (await Store.SearchRunsAsync(new RunSearch([experiment], "attributes.run_name = 'Run-002'"), Ct)).Items.Single();

        run.Data.Params.ShouldBe(new Dictionary<string, string> { ["model"] = "lin" });
        run.Data.Tags["team"].ShouldBe("a");
        run.Data.Metrics.Select(m => m.Key).ShouldBe(["f1", "my metric"]);
    }

    [Fact]
    public async Task SearchExperiments_FilterOrderAndPage()
    {
        _ = Store; // creates Default now, before the others
        Time.Advance(TimeSpan.FromSeconds(1));
        foreach (var name in new[] { "beta", "alpha", "gamma", "alphabet" })
        {
            await Store.CreateExperimentAsync(name, tags: new Dictionary<string, string> { ["kind"] = name.StartsWith('a') ? "a" : "other" }, cancellationToken: Ct);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var byName = await Store.SearchExperimentsAsync(new ExperimentSearch("name LIKE 'alpha%'", OrderBy: ["name DESC"]), Ct);
        var byTag = await Store.SearchExperimentsAsync(new ExperimentSearch("tags.kind = 'other'", OrderBy: ["name"]), Ct);
        var first = await Store.SearchExperimentsAsync(new ExperimentSearch(MaxResults: 2), Ct);
        var second = await Store.SearchExperimentsAsync(new ExperimentSearch(MaxResults: 2, PageToken: first.NextPageToken), Ct);
        var third = await Store.SearchExperimentsAsync(new ExperimentSearch(MaxResults: 2, PageToken: second.NextPageToken), Ct);

        byName.Items.Select(e => e.Name).ShouldBe(["alphabet", "alpha"]);
        byTag.Items.Select(e => e.Name).ShouldBe(["beta", "gamma"]);
        first.Items.Select(e => e.Name).ShouldBe(["alphabet", "gamma"]);
        second.Items.Select(e => e.Name).ShouldBe(["alpha", "beta"]);
        third.Items.Select(e => e.Name).ShouldBe(["Default"]);
        third.NextPageToken.ShouldBeNull();
    }

    [Fact]
    public async Task LogMetric_EightConcurrentWritersToOneRun_LoseNothing()
    {
        const int writers = 8;
        const int perWriter = 200;
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var stores = Enumerable.Range(0, writers).Select(_ => Open().Tracking).ToList();
        using var start = new Barrier(writers);

        var tasks = stores.Select((store, writer) => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(Ct);
            for (var i = 0; i < perWriter; i++)
            {
                store.LogMetricAsync(run.Info.RunId, new Metric("m", writer * 1000 + i, i, writer * perWriter + i), Ct).GetAwaiter().GetResult();
            }
        }, Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        await Task.WhenAll(tasks);

        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "m", Ct);
        history.Count.ShouldBe(writers * perWriter);
        history.Select(m => m.Step).ShouldBe(Enumerable.Range(0, writers * perWriter).Select(i => (long)i));
        (await Store.GetRunAsync(run.Info.RunId, Ct)).Data.Metrics.Single().Step.ShouldBe(writers * perWriter - 1);
    }
}
