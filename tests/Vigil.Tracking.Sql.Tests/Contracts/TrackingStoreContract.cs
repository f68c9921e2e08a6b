using Shouldly;
using Vigil.Tracking.Experiments;
using Vigil.Tracking.Runs;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>The behaviours every <see cref="ITrackingStore"/> backend must show: experiments, runs and logging.</summary>
public abstract partial class TrackingStoreContract : TrackingContractBase
{
    private ITrackingStore? _store;

    /// <summary>The store under test (opened on first use).</summary>
    protected ITrackingStore Store => _store ??= Open().Tracking;

    [Fact]
    public async Task DefaultExperiment_Always_Exists()
    {
        var experiment = await Store.GetExperimentAsync("0", Ct);

        experiment.Name.ShouldBe("Default");
        experiment.LifecycleStage.ShouldBe(LifecycleStage.Active);
        experiment.ArtifactLocation.ShouldBe("mlflow-artifacts:/0");
    }

    [Fact]
    public async Task CreateExperiment_RoundTripsEveryField()
    {
        var id = await Store.CreateExperimentAsync("churn", tags: new Dictionary<string, string> { ["team"] = "ml", ["a"] = "ü ✓" }, cancellationToken: Ct);

        var byId = await Store.GetExperimentAsync(id, Ct);
        var byName = await Store.GetExperimentByNameAsync("churn", Ct);

        id.ShouldNotBe("0");
        byId.ShouldBeEquivalentTo(byName);
        byId.ArtifactLocation.ShouldBe($"mlflow-artifacts:/{id}");
        byId.CreationTime.ShouldBe(NowMs);
        byId.LastUpdateTime.ShouldBe(NowMs);
        byId.Tags.ShouldBe(new Dictionary<string, string> { ["a"] = "ü ✓", ["team"] = "ml" });
        byId.Tags.Keys.ShouldBe(["a", "team"]);
    }

    [Fact]
    public async Task CreateExperiment_ExplicitArtifactLocation_IsKept()
    {
        var id = await Store.CreateExperimentAsync("x", "s3://bucket/path", cancellationToken: Ct);

        (await Store.GetExperimentAsync(id, Ct)).ArtifactLocation.ShouldBe("s3://bucket/path");
    }

    [Fact]
    public async Task CreateExperiment_DuplicateName_ThrowsAlreadyExists()
    {
        await Store.CreateExperimentAsync("dup", cancellationToken: Ct);

        var error = await Should.ThrowAsync<TrackingException>(() => Store.CreateExperimentAsync("dup", cancellationToken: Ct));

        error.ErrorCode.ShouldBe(TrackingErrorCode.ResourceAlreadyExists);
        error.Message.ShouldContain("dup");
    }

    [Fact]
    public async Task CreateExperiment_NameOfDeletedExperiment_ThrowsAlreadyExistsMentioningDeleted()
    {
        var id = await Store.CreateExperimentAsync("gone", cancellationToken: Ct);
        await Store.DeleteExperimentAsync(id, Ct);

        var error = await Should.ThrowAsync<TrackingException>(() => Store.CreateExperimentAsync("gone", cancellationToken: Ct));

        error.ErrorCode.ShouldBe(TrackingErrorCode.ResourceAlreadyExists);
        error.Message.ShouldContain("deleted");
    }

    [Fact]
    public async Task GetExperiment_Missing_ThrowsResourceDoesNotExist()
    {
        (await Should.ThrowAsync<TrackingException>(() => Store.GetExperimentAsync("424242", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
        (await Should.ThrowAsync<TrackingException>(() => Store.GetExperimentAsync("abc", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
        (await Should.ThrowAsync<TrackingException>(() => Store.GetExperimentByNameAsync("nope", Ct))).Message.ShouldContain("nope");
    }

    [Fact]
    public async Task DeleteAndRestoreExperiment_ChangeLifecycleAndVisibility()
    {
        var id = await Store.CreateExperimentAsync("life", cancellationToken: Ct);
        Time.Advance(TimeSpan.FromSeconds(5));

        await Store.DeleteExperimentAsync(id, Ct);
        var deleted = await Store.GetExperimentAsync(id, Ct);
        var active = await Store.SearchExperimentsAsync(new ExperimentSearch(), Ct);
        var onlyDeleted = await Store.SearchExperimentsAsync(new ExperimentSearch(ViewType: ViewType.DeletedOnly), Ct);
        await Store.RestoreExperimentAsync(id, Ct);

        deleted.LifecycleStage.ShouldBe(LifecycleStage.Deleted);
        deleted.LastUpdateTime.ShouldBe(NowMs);
        active.Items.Select(e => e.Name).ShouldNotContain("life");
        onlyDeleted.Items.Select(e => e.Name).ShouldBe(["life"]);
        (await Store.GetExperimentAsync(id, Ct)).LifecycleStage.ShouldBe(LifecycleStage.Active);
        (await Should.ThrowAsync<TrackingException>(() => Store.RestoreExperimentAsync(id, Ct))).ErrorCode.ShouldBe(TrackingErrorCode.InvalidState);
    }

    [Fact]
    public async Task CreateRun_InDeletedExperiment_ThrowsInvalidState()
    {
        var id = await Store.CreateExperimentAsync("closed", cancellationToken: Ct);
        await Store.DeleteExperimentAsync(id, Ct);

        (await Should.ThrowAsync<TrackingException>(() => Store.CreateRunAsync(new NewRun(id), Ct))).ErrorCode.ShouldBe(TrackingErrorCode.InvalidState);
        (await Should.ThrowAsync<TrackingException>(() => Store.CreateRunAsync(new NewRun("999"), Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
    }

    [Fact]
    public async Task RenameExperiment_AndTags_Work()
    {
        var id = await Store.CreateExperimentAsync("old", cancellationToken: Ct);
        await Store.CreateExperimentAsync("taken", cancellationToken: Ct);

        await Store.RenameExperimentAsync(id, "new", Ct);
        await Store.SetExperimentTagAsync(id, "k", "v1", Ct);
        await Store.SetExperimentTagAsync(id, "k", "v2", Ct);
        await Store.SetExperimentTagAsync(id, "gone", "x", Ct);
        await Store.DeleteExperimentTagAsync(id, "gone", Ct);

        var experiment = await Store.GetExperimentByNameAsync("new", Ct);
        experiment.ExperimentId.ShouldBe(id);
        experiment.Tags.ShouldBe(new Dictionary<string, string> { ["k"] = "v2" });
        (await Should.ThrowAsync<TrackingException>(() => Store.RenameExperimentAsync(id, "taken", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceAlreadyExists);
        (await Should.ThrowAsync<TrackingException>(() => Store.DeleteExperimentTagAsync(id, "gone", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
    }

    [Fact]
    public async Task CreateRun_RoundTripsInfoAndTags()
    {
        var experiment = await Store.CreateExperimentAsync("runs", cancellationToken: Ct);

        var created = await Store.CreateRunAsync(new NewRun(experiment, "alice", "first", 1234, new Dictionary<string, string> { ["team"] = "x" }), Ct);
        var read = await Store.GetRunAsync(created.Info.RunId, Ct);

        created.Info.RunId.Length.ShouldBe(32);
        TrackingLimits.IsRunId(created.Info.RunId).ShouldBeTrue();
        read.Info.ShouldBe(new RunInfo(created.Info.RunId, experiment, "first", "alice", RunStatus.Running, 1234, null,
            $"mlflow-artifacts:/{experiment}/{created.Info.RunId}/artifacts", LifecycleStage.Active));
        read.Info.ShouldBe(created.Info);
        read.Data.Tags.ShouldBe(new Dictionary<string, string> { ["mlflow.runName"] = "first", ["team"] = "x" });
        read.Data.Params.ShouldBeEmpty();
        read.Data.Metrics.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateRun_NoStartTimeOrName_UsesClockAndIdBasedName()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);

        run.Info.StartTime.ShouldBe(NowMs);
        run.Info.RunName.ShouldBe("run-" + run.Info.RunId[..8]);
        run.Info.UserId.ShouldBe(string.Empty);
    }

    [Fact]
    public async Task UpdateRun_SetsStatusEndTimeAndName()
    {
        var run = await Store.CreateRunAsync(new NewRun("0", RunName: "a"), Ct);

        var updated = await Store.UpdateRunAsync(run.Info.RunId, new RunUpdate(RunStatus.Finished, 9999, "b"), Ct);
        var read = await Store.GetRunAsync(run.Info.RunId, Ct);

        updated.ShouldBe(run.Info with { Status = RunStatus.Finished, EndTime = 9999, RunName = "b" });
        read.Info.ShouldBe(updated);
        read.Data.Tags["mlflow.runName"].ShouldBe("b");
    }

    [Fact]
    public async Task SetTag_RunNameTag_RenamesRun()
    {
        var run = await Store.CreateRunAsync(new NewRun("0", RunName: "a"), Ct);

        await Store.SetTagAsync(run.Info.RunId, "mlflow.runName", "renamed", Ct);

        (await Store.GetRunAsync(run.Info.RunId, Ct)).Info.RunName.ShouldBe("renamed");
    }

    [Fact]
    public async Task DeleteRun_ThenLogging_ThrowsInvalidState_AndRestoreAllowsItAgain()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);

        await Store.DeleteRunAsync(run.Info.RunId, Ct);
        var deleted = await Store.GetRunAsync(run.Info.RunId, Ct);
        var error = await Should.ThrowAsync<TrackingException>(() => Store.LogParamAsync(run.Info.RunId, "a", "1", Ct));
        await Store.RestoreRunAsync(run.Info.RunId, Ct);
        await Store.LogParamAsync(run.Info.RunId, "a", "1", Ct);

        deleted.Info.LifecycleStage.ShouldBe(LifecycleStage.Deleted);
        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidState);
        error.Message.ShouldContain(run.Info.RunId);
        (await Store.GetRunAsync(run.Info.RunId, Ct)).Data.Params["a"].ShouldBe("1");
    }

    [Fact]
    public async Task GetRun_Missing_ThrowsResourceDoesNotExist()
    {
        var error = await Should.ThrowAsync<TrackingException>(() => Store.GetRunAsync(new string('a', 32), Ct));

        error.ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
        error.Message.ShouldContain(new string('a', 32));
    }

    [Fact]
    public async Task LogParam_SameValueIsNoOp_DifferentValueIsInvalid()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        await Store.LogParamAsync(run.Info.RunId, "model", "rf", Ct);

        await Store.LogParamAsync(run.Info.RunId, "model", "rf", Ct);
        var error = await Should.ThrowAsync<TrackingException>(() => Store.LogParamAsync(run.Info.RunId, "model", "gbm", Ct));

        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        error.Message.ShouldContain("model");
        error.Message.ShouldContain("rf");
        error.Message.ShouldContain("gbm");
        (await Store.GetRunAsync(run.Info.RunId, Ct)).Data.Params.ShouldBe(new Dictionary<string, string> { ["model"] = "rf" });
    }

    [Fact]
    public async Task LogMetric_History_OrderedByStepThenTimestamp_LatestIsHighestStep()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var id = run.Info.RunId;
        await Store.LogMetricAsync(id, new Metric("loss", 0.5, 300, 2), Ct);
        await Store.LogMetricAsync(id, new Metric("loss", 0.9, 100, 0), Ct);
        await Store.LogMetricAsync(id, new Metric("loss", 0.7, 250, 1), Ct);
        await Store.LogMetricAsync(id, new Metric("loss", 0.6, 200, 1), Ct);
        await Store.LogMetricAsync(id, new Metric("other", 1, 1, 0), Ct);

        var history = await Store.GetMetricHistoryAsync(id, "loss", Ct);
        var latest = (await Store.GetRunAsync(id, Ct)).Data.Metrics;

        history.ShouldBe([new Metric("loss", 0.9, 100, 0), new Metric("loss", 0.6, 200, 1), new Metric("loss", 0.7, 250, 1), new Metric("loss", 0.5, 300, 2)]);
        latest.ShouldBe([new Metric("loss", 0.5, 300, 2), new Metric("other", 1, 1, 0)]);
        (await Store.GetMetricHistoryAsync(id, "never", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LogMetric_NaNAndInfinities_RoundTrip()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        await Store.LogBatchAsync(run.Info.RunId,
            [new Metric("x", double.NaN, 1, 0), new Metric("x", double.PositiveInfinity, 2, 1), new Metric("x", double.NegativeInfinity, 3, 2)], [], [], Ct);

        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "x", Ct);

        history.Select(m => m.Value).ShouldBe([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);
        (await Store.GetRunAsync(run.Info.RunId, Ct)).Data.Metrics.Single().Value.ShouldBe(double.NegativeInfinity);
    }

    [Fact]
    public async Task LogMetric_IdenticalPointTwice_StoresOnce()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);

        await Store.LogMetricAsync(run.Info.RunId, new Metric("m", 1, 5, 1), Ct);
        await Store.LogMetricAsync(run.Info.RunId, new Metric("m", 1, 5, 1), Ct);

        (await Store.GetMetricHistoryAsync(run.Info.RunId, "m", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task LogBatch_BadElement_LogsNothing()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        await Store.LogParamAsync(run.Info.RunId, "fixed", "1", Ct);

        var conflict = await Should.ThrowAsync<TrackingException>(() => Store.LogBatchAsync(run.Info.RunId,
            [new Metric("m", 1, 1, 0)], [new Param("new", "a"), new Param("fixed", "2")], [new Tag("t", "v")], Ct));
        var badKey = await Should.ThrowAsync<TrackingException>(() => Store.LogBatchAsync(run.Info.RunId,
            [new Metric("m", 1, 1, 0), new Metric("../escape", 2, 1, 0)], [], [new Tag("t", "v")], Ct));
        var duplicate = await Should.ThrowAsync<TrackingException>(() => Store.LogBatchAsync(run.Info.RunId,
            [], [new Param("p", "1"), new Param("p", "2")], [], Ct));

        conflict.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        badKey.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        badKey.Message.ShouldContain("../escape");
        duplicate.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        var read = await Store.GetRunAsync(run.Info.RunId, Ct);
        read.Data.Metrics.ShouldBeEmpty();
        read.Data.Params.ShouldBe(new Dictionary<string, string> { ["fixed"] = "1" });
        read.Data.Tags.Keys.ShouldBe(["mlflow.runName"]);
    }

    [Fact]
    public async Task LogBatch_TooManyMetrics_IsInvalid()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var metrics = Enumerable.Range(0, 1001).Select(i => new Metric("m", i, i, i)).ToList();

        (await Should.ThrowAsync<TrackingException>(() => Store.LogBatchAsync(run.Info.RunId, metrics, [], [], Ct)))
            .ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
    }

    [Fact]
    public async Task LogBatch_ThousandMetrics_AllStored()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var metrics = Enumerable.Range(0, 1000).Select(i => new Metric("m" + (i % 10), i * 0.5, 1000 + i, i)).ToList();

        await Store.LogBatchAsync(run.Info.RunId, metrics, [], [], Ct);

        (await Store.GetMetricHistoryAsync(run.Info.RunId, "m3", Ct)).Count.ShouldBe(100);
        (await Store.GetRunAsync(run.Info.RunId, Ct)).Data.Metrics.Count.ShouldBe(10);
    }

    [Fact]
    public async Task Tags_SetOverwriteAndDelete()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        await Store.SetTagAsync(run.Info.RunId, "k", "1", Ct);
        await Store.SetTagAsync(run.Info.RunId, "k", "2", Ct);
        await Store.SetTagAsync(run.Info.RunId, "gone", "x", Ct);

        await Store.DeleteTagAsync(run.Info.RunId, "gone", Ct);

        var tags = (await Store.GetRunAsync(run.Info.RunId, Ct)).Data.Tags;
        tags["k"].ShouldBe("2");
        tags.ContainsKey("gone").ShouldBeFalse();
        (await Should.ThrowAsync<TrackingException>(() => Store.DeleteTagAsync(run.Info.RunId, "gone", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
    }

    [Fact]
    public async Task LogInputs_LinksDatasetsForLineage_SharedAcrossRuns()
    {
        var a = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var b = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var dataset = new Dataset("cmapss-fd001", new string('d', 64), "vigil", "vigil:cmapss-fd001@3", """{"columns":[]}""", null, "3");
        var context = new Dictionary<string, string> { ["mlflow.data.context"] = "training" };

        await Store.LogInputsAsync(a.Info.RunId, [new DatasetInput(dataset, context)], Ct);
        await Store.LogInputsAsync(b.Info.RunId, [new DatasetInput(dataset, new Dictionary<string, string>())], Ct);
        await Store.LogInputsAsync(a.Info.RunId, [new DatasetInput(dataset, context)], Ct);

        var inputs = (await Store.GetRunAsync(a.Info.RunId, Ct)).Inputs;
        inputs.Count.ShouldBe(1);
        inputs[0].Dataset.ShouldBe(dataset);
        inputs[0].Tags.ShouldBe(context);
        var lineage = await Store.SearchRunsAsync(new RunSearch(["0"], $"datasets.digest = '{dataset.Digest}'"), Ct);
        lineage.Items.Select(r => r.Info.RunId).Order().ShouldBe(new[] { a.Info.RunId, b.Info.RunId }.Order());
        (await Store.SearchRunsAsync(new RunSearch(["0"], "datasets.context = 'training'"), Ct)).Items.Single().Info.RunId.ShouldBe(a.Info.RunId);
    }

    [Fact]
    public async Task LogBatch_TiesInOneBatch_LaterPointIsLatest_AndOlderBatchDoesNotReplaceIt()
    {
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);
        var id = run.Info.RunId;

        await Store.LogBatchAsync(id, [new Metric("m", 1, 10, 5), new Metric("m", 2, 10, 5), new Metric("m", 3, 99, 4), new Metric("n", double.NaN, 1, 1)], [], [], Ct);
        var afterFirst = (await Store.GetRunAsync(id, Ct)).Data.Metrics;
        await Store.LogBatchAsync(id, [new Metric("m", 4, 500, 4), new Metric("n", 7, 1, 1)], [], [], Ct);
        var afterSecond = (await Store.GetRunAsync(id, Ct)).Data.Metrics;

        afterFirst.ShouldBe([new Metric("m", 2, 10, 5), new Metric("n", double.NaN, 1, 1)]);
        afterSecond.ShouldBe([new Metric("m", 2, 10, 5), new Metric("n", 7, 1, 1)]);
        (await Store.GetMetricHistoryAsync(id, "m", Ct)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task LogParamAndTag_ValuesAtTheLengthLimit_RoundTripAndAreSearchable()
    {
        // Incompressible, multi-byte text: on PostgreSQL this would overflow a B-tree entry on (key, value).
        var random = new Random(20260301);
        string Text(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x100, 0x2000)).ToArray());
        var param = Text(TrackingLimits.MaxParamValueLength);
        var tag = Text(TrackingLimits.MaxTagValueLength);
        var run = await Store.CreateRunAsync(new NewRun("0"), Ct);

        await Store.LogBatchAsync(run.Info.RunId, [], [new Param("big", param)], [new Tag("big", tag)], Ct);

        var read = await Store.GetRunAsync(run.Info.RunId, Ct);
        read.Data.Params["big"].ShouldBe(param);
        read.Data.Tags["big"].ShouldBe(tag);
        (await Store.SearchRunsAsync(new RunSearch(["0"], $"params.big = '{param}' and tags.big = '{tag}'"), Ct)).Items.Single().Info.RunId
            .ShouldBe(run.Info.RunId);
    }

    [Fact]
    public async Task SearchRuns_LikePattern_BackslashIsLiteral_AndUnderscoreIsOneCharacter()
    {
        var backslash = await Store.CreateRunAsync(new NewRun("0", RunName: @"x\y"), Ct);
        var percent = await Store.CreateRunAsync(new NewRun("0", RunName: "x%y"), Ct);
        await Store.CreateRunAsync(new NewRun("0", RunName: "xzzy"), Ct);

        var literal = await Store.SearchRunsAsync(new RunSearch(["0"], @"attributes.run_name LIKE 'x\%'"), Ct);
        var single = await Store.SearchRunsAsync(new RunSearch(["0"], "attributes.run_name LIKE 'x_y'"), Ct);
        var insensitive = await Store.SearchRunsAsync(new RunSearch(["0"], @"attributes.run_name ILIKE 'X\Y'"), Ct);

        literal.Items.Select(r => r.Info.RunId).ShouldBe([backslash.Info.RunId]);
        single.Items.Select(r => r.Info.RunId).Order().ShouldBe(new[] { backslash.Info.RunId, percent.Info.RunId }.Order());
        insensitive.Items.Select(r => r.Info.RunId).ShouldBe([backslash.Info.RunId]);
    }

    [Fact]
    public async Task Reopen_KeepsEverything()
    {
        var run = await Store.CreateRunAsync(new NewRun("0", RunName: "durable"), Ct);
        await Store.LogBatchAsync(run.Info.RunId, [new Metric("m", 1, 1, 1)], [new Param("p", "v")], [], Ct);

        var reopened = Open().Tracking;

        (await reopened.GetRunAsync(run.Info.RunId, Ct)).ShouldBeEquivalentTo(await Store.GetRunAsync(run.Info.RunId, Ct));
    }
}
