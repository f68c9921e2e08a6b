using Shouldly;
using Vigil.Tracking.Registry;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>The behaviours every <see cref="IModelRegistry"/> backend must show.</summary>
public abstract class RegistryContract : TrackingContractBase
{
    private static readonly ChangeContext Alice = new("alice", "promote after eval");
    private IModelRegistry? _registry;

    /// <summary>The registry under test (opened on first use).</summary>
    protected IModelRegistry Registry => _registry ??= Open().Registry;

    private async Task<RegisteredModel> ModelWithVersions(string name, int versions)
    {
        await Registry.CreateRegisteredModelAsync(name, "desc", cancellationToken: Ct);
        for (var i = 1; i <= versions; i++)
        {
            await Registry.CreateModelVersionAsync(new NewModelVersion(name, $"runs:/run{i}/model", RunId: $"run{i}"), cancellationToken: Ct);
        }

        return await Registry.GetRegisteredModelAsync(name, Ct);
    }

    [Fact]
    public async Task CreateRegisteredModel_RoundTrips_AndDuplicateIsAlreadyExists()
    {
        var created = await Registry.CreateRegisteredModelAsync("rul", "remaining useful life", new Dictionary<string, string> { ["team"] = "pdm" }, Alice, Ct);

        var read = await Registry.GetRegisteredModelAsync("rul", Ct);
        var duplicate = await Should.ThrowAsync<TrackingException>(() => Registry.CreateRegisteredModelAsync("rul", cancellationToken: Ct));

        read.ShouldBeEquivalentTo(created);
        read.Description.ShouldBe("remaining useful life");
        read.CreationTimestamp.ShouldBe(NowMs);
        read.Tags.ShouldBe(new Dictionary<string, string> { ["team"] = "pdm" });
        duplicate.ErrorCode.ShouldBe(TrackingErrorCode.ResourceAlreadyExists);
        (await Should.ThrowAsync<TrackingException>(() => Registry.GetRegisteredModelAsync("none", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
    }

    [Fact]
    public async Task CreateModelVersion_NumbersIncrease_AndRoundTripEveryField()
    {
        await Registry.CreateRegisteredModelAsync("m", cancellationToken: Ct);
        var metrics = new Dictionary<string, double> { ["rmse"] = 12.5, ["nan"] = double.NaN, ["inf"] = double.PositiveInfinity };

        var v1 = await Registry.CreateModelVersionAsync(new NewModelVersion("m", "runs:/abc/model", "abc", "first",
            new Dictionary<string, string> { ["k"] = "v" }, "http://link", """{"inputs":[{"name":"x","type":"double"}]}""", metrics), Alice, Ct);
        var v2 = await Registry.CreateModelVersionAsync(new NewModelVersion("m", "runs:/def/model"), cancellationToken: Ct);
        var read = await Registry.GetModelVersionAsync("m", 1, Ct);

        v1.Version.ShouldBe(1);
        v2.Version.ShouldBe(2);
        read.ShouldBeEquivalentTo(v1);
        read.Status.ShouldBe(ModelVersionStatus.Ready);
        read.CurrentStage.ShouldBe(ModelStage.None);
        read.UserId.ShouldBe("alice");
        read.RunId.ShouldBe("abc");
        read.Signature.ShouldBe("""{"inputs":[{"name":"x","type":"double"}]}""");
        read.Metrics!["rmse"].ShouldBe(12.5);
        double.IsNaN(read.Metrics["nan"]).ShouldBeTrue();
        read.Metrics["inf"].ShouldBe(double.PositiveInfinity);
        read.Tags["k"].ShouldBe("v");
        (await Should.ThrowAsync<TrackingException>(() => Registry.CreateModelVersionAsync(new NewModelVersion("none", "x"), cancellationToken: Ct)))
            .ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
    }

    [Fact]
    public async Task DeleteModelVersion_KeepsOthers_AndNumberIsNotReused()
    {
        await ModelWithVersions("m", 3);

        await Registry.DeleteModelVersionAsync("m", 3, cancellationToken: Ct);
        await Registry.DeleteModelVersionAsync("m", 2, cancellationToken: Ct);
        var next = await Registry.CreateModelVersionAsync(new NewModelVersion("m", "runs:/x/model"), cancellationToken: Ct);

        (await Registry.GetModelVersionAsync("m", 1, Ct)).Source.ShouldBe("runs:/run1/model");
        (await Should.ThrowAsync<TrackingException>(() => Registry.GetModelVersionAsync("m", 2, Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
        next.Version.ShouldBe(4);
    }

    [Fact]
    public async Task Aliases_SetGetMoveAndDelete()
    {
        await ModelWithVersions("m", 3);

        await Registry.SetAliasAsync("m", "champion", 1, Alice, Ct);
        await Registry.SetAliasAsync("m", "challenger", 2, Alice, Ct);
        var first = await Registry.GetModelVersionByAliasAsync("m", "champion", Ct);
        await Registry.SetAliasAsync("m", "champion", 3, Alice, Ct);
        var moved = await Registry.GetModelVersionByAliasAsync("m", "champion", Ct);
        var model = await Registry.GetRegisteredModelAsync("m", Ct);
        await Registry.DeleteAliasAsync("m", "challenger", Alice, Ct);

        first.Version.ShouldBe(1);
        moved.Version.ShouldBe(3);
        moved.Aliases.ShouldBe(["champion"]);
        (await Registry.GetModelVersionAsync("m", 1, Ct)).Aliases.ShouldBeEmpty();
        model.Aliases.ShouldBe([new ModelAlias("challenger", 2), new ModelAlias("champion", 3)]);
        (await Should.ThrowAsync<TrackingException>(() => Registry.GetModelVersionByAliasAsync("m", "challenger", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
        (await Should.ThrowAsync<TrackingException>(() => Registry.SetAliasAsync("m", "x", 99, cancellationToken: Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
        (await Should.ThrowAsync<TrackingException>(() => Registry.SetAliasAsync("m", "v1", 1, cancellationToken: Ct))).ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
    }

    [Fact]
    public async Task DeleteModelVersion_RemovesItsAliases()
    {
        await ModelWithVersions("m", 2);
        await Registry.SetAliasAsync("m", "champion", 2, cancellationToken: Ct);

        await Registry.DeleteModelVersionAsync("m", 2, cancellationToken: Ct);

        (await Registry.GetRegisteredModelAsync("m", Ct)).Aliases.ShouldBeEmpty();
    }

    [Fact]
    public async Task TransitionStage_ArchiveExisting_ArchivesOnlyThatStage()
    {
        await ModelWithVersions("m", 4);
        await Registry.TransitionModelVersionStageAsync("m", 1, ModelStage.Production, false, cancellationToken: Ct);
        await Registry.TransitionModelVersionStageAsync("m", 2, ModelStage.Production, false, cancellationToken: Ct);
        await Registry.TransitionModelVersionStageAsync("m", 3, ModelStage.Staging, false, cancellationToken: Ct);

        var promoted = await Registry.TransitionModelVersionStageAsync("m", 4, ModelStage.Production, true, Alice, Ct);

        promoted.CurrentStage.ShouldBe(ModelStage.Production);
        (await Registry.GetModelVersionAsync("m", 1, Ct)).CurrentStage.ShouldBe(ModelStage.Archived);
        (await Registry.GetModelVersionAsync("m", 2, Ct)).CurrentStage.ShouldBe(ModelStage.Archived);
        (await Registry.GetModelVersionAsync("m", 3, Ct)).CurrentStage.ShouldBe(ModelStage.Staging);
        var latest = await Registry.GetLatestVersionsAsync("m", cancellationToken: Ct);
        latest.Select(v => (v.Version, v.CurrentStage)).ShouldBe([(2, ModelStage.Archived), (3, ModelStage.Staging), (4, ModelStage.Production)]);
        (await Registry.GetLatestVersionsAsync("m", [ModelStage.Production], Ct)).Single().Version.ShouldBe(4);
        (await Should.ThrowAsync<TrackingException>(() => Registry.TransitionModelVersionStageAsync("m", 1, ModelStage.Archived, true, cancellationToken: Ct)))
            .ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
    }

    [Fact]
    public async Task AuditLog_RecordsEveryChange_WithWhoWhenFromToWhy()
    {
        await Registry.CreateRegisteredModelAsync("m", context: Alice, cancellationToken: Ct);
        await Registry.CreateModelVersionAsync(new NewModelVersion("m", "s1"), Alice, Ct);
        await Registry.CreateModelVersionAsync(new NewModelVersion("m", "s2"), Alice, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Registry.TransitionModelVersionStageAsync("m", 1, ModelStage.Production, false, Alice, Ct);
        await Registry.TransitionModelVersionStageAsync("m", 2, ModelStage.Production, true, new ChangeContext("bob", "v2 better"), Ct);
        await Registry.SetAliasAsync("m", "champion", 1, Alice, Ct);
        await Registry.SetAliasAsync("m", "champion", 2, Alice, Ct);
        await Registry.DeleteAliasAsync("m", "champion", Alice, Ct);
        await Registry.SetModelVersionTagAsync("m", 1, "k", "v", Alice, Ct);
        await Registry.DeleteModelVersionTagAsync("m", 1, "k", Alice, Ct);
        await Registry.SetRegisteredModelTagAsync("m", "k", "v", Alice, Ct);
        await Registry.DeleteRegisteredModelTagAsync("m", "k", Alice, Ct);
        await Registry.UpdateRegisteredModelAsync("m", "new desc", Alice, Ct);
        await Registry.UpdateModelVersionAsync("m", 1, "v1 desc", Alice, Ct);
        await Registry.DeleteModelVersionAsync("m", 1, Alice, Ct);
        await Registry.DeleteRegisteredModelAsync("m", Alice, Ct);

        var log = (await Registry.GetAuditLogAsync(new RegistryAuditQuery("m"), Ct)).Items;

        log.Select(e => e.Action).ShouldBe([
            RegistryAction.CreateModel, RegistryAction.CreateVersion, RegistryAction.CreateVersion, RegistryAction.TransitionStage,
            RegistryAction.TransitionStage, RegistryAction.TransitionStage, RegistryAction.SetAlias, RegistryAction.SetAlias, RegistryAction.DeleteAlias,
            RegistryAction.SetVersionTag, RegistryAction.DeleteVersionTag, RegistryAction.SetModelTag, RegistryAction.DeleteModelTag,
            RegistryAction.UpdateModel, RegistryAction.UpdateVersion, RegistryAction.DeleteVersion, RegistryAction.DeleteModel]);
        log.Select(e => e.Sequence).ShouldBeInOrder();
        log[4].ShouldBe(new RegistryAuditEntry(log[4].Sequence, NowMs, "bob", RegistryAction.TransitionStage, "m", 1, null, "Production", "Archived", "v2 better"));
        log[5].ShouldBe(new RegistryAuditEntry(log[5].Sequence, NowMs, "bob", RegistryAction.TransitionStage, "m", 2, null, "None", "Production", "v2 better"));
        log[7].ShouldBe(new RegistryAuditEntry(log[7].Sequence, NowMs, "alice", RegistryAction.SetAlias, "m", 2, "champion", "1", "2", "promote after eval"));
        log[0].Timestamp.ShouldBeLessThan(log[3].Timestamp);
    }

    [Fact]
    public async Task AuditLog_DefaultContext_IsUnknownActor_AndPagesInOrder()
    {
        await ModelWithVersions("m", 5);

        var first = await Registry.GetAuditLogAsync(new RegistryAuditQuery(MaxResults: 4), Ct);
        var second = await Registry.GetAuditLogAsync(new RegistryAuditQuery(MaxResults: 4, PageToken: first.NextPageToken), Ct);

        first.Items.Count.ShouldBe(4);
        second.Items.Count.ShouldBe(2);
        second.NextPageToken.ShouldBeNull();
        first.Items.Concat(second.Items).ShouldAllBe(e => e.Actor == "unknown");
    }

    [Fact]
    public async Task SearchModelVersions_ByNameAndRunId()
    {
        await ModelWithVersions("a", 3);
        await ModelWithVersions("b", 2);

        var byName = await Registry.SearchModelVersionsAsync(new ModelVersionSearch("name='a'"), Ct);
        var byRun = await Registry.SearchModelVersionsAsync(new ModelVersionSearch("run_id = 'run2'"), Ct);
        var byRuns = await Registry.SearchModelVersionsAsync(new ModelVersionSearch("run_id IN ('run1', 'run3')", OrderBy: ["version_number ASC", "name DESC"]), Ct);
        var paged = await Registry.SearchModelVersionsAsync(new ModelVersionSearch(MaxResults: 3), Ct);
        var rest = await Registry.SearchModelVersionsAsync(new ModelVersionSearch(MaxResults: 3, PageToken: paged.NextPageToken), Ct);

        byName.Items.Select(v => v.Version).ShouldBe([3, 2, 1]);
        byRun.Items.Select(v => (v.Name, v.Version)).ShouldBe([("a", 2), ("b", 2)]);
        byRuns.Items.Select(v => (v.Name, v.Version)).ShouldBe([("b", 1), ("a", 1), ("a", 3)]);
        paged.Items.Concat(rest.Items).Select(v => $"{v.Name}{v.Version}").ShouldBe(["a3", "a2", "a1", "b2", "b1"]);
        (await Should.ThrowAsync<TrackingException>(() => Registry.SearchModelVersionsAsync(new ModelVersionSearch("metrics.x > 1"), Ct)))
            .ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
    }

    [Fact]
    public async Task SearchRegisteredModels_ByNameAndTag()
    {
        await Registry.CreateRegisteredModelAsync("rul-lstm", tags: new Dictionary<string, string> { ["family"] = "nn" }, cancellationToken: Ct);
        await Registry.CreateRegisteredModelAsync("rul-forest", tags: new Dictionary<string, string> { ["family"] = "trees" }, cancellationToken: Ct);
        await Registry.CreateRegisteredModelAsync("anomaly", cancellationToken: Ct);

        (await Registry.SearchRegisteredModelsAsync(new RegisteredModelSearch("name LIKE 'rul-%'"), Ct)).Items.Select(m => m.Name).ShouldBe(["rul-forest", "rul-lstm"]);
        (await Registry.SearchRegisteredModelsAsync(new RegisteredModelSearch("tags.family = 'nn'"), Ct)).Items.Single().Name.ShouldBe("rul-lstm");
        (await Registry.SearchRegisteredModelsAsync(new RegisteredModelSearch(OrderBy: ["name DESC"]), Ct)).Items.Select(m => m.Name)
            .ShouldBe(["rul-lstm", "rul-forest", "anomaly"]);
    }

    [Fact]
    public async Task RenameRegisteredModel_CarriesVersionsAndAliases()
    {
        await ModelWithVersions("old", 2);
        await Registry.SetAliasAsync("old", "champion", 2, cancellationToken: Ct);

        await Registry.RenameRegisteredModelAsync("old", "new", cancellationToken: Ct);

        (await Registry.GetModelVersionByAliasAsync("new", "champion", Ct)).Version.ShouldBe(2);
        (await Should.ThrowAsync<TrackingException>(() => Registry.GetRegisteredModelAsync("old", Ct))).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);
    }

    [Fact]
    public async Task DeleteRegisteredModel_RemovesVersions_AndNameCanBeReused()
    {
        await ModelWithVersions("m", 2);

        await Registry.DeleteRegisteredModelAsync("m", cancellationToken: Ct);
        await Registry.CreateRegisteredModelAsync("m", cancellationToken: Ct);

        (await Registry.SearchModelVersionsAsync(new ModelVersionSearch("name = 'm'"), Ct)).Items.ShouldBeEmpty();
        (await Registry.CreateModelVersionAsync(new NewModelVersion("m", "s"), cancellationToken: Ct)).Version.ShouldBe(1);
    }
}
