using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Tracking;
using Vigil.Tracking.Registry;
using static Vigil.Server.Mlflow.MlflowTrackingEndpoints;

namespace Vigil.Server.Mlflow;

/// <summary>MLflow's model registry service: <c>registered-models/*</c> and <c>model-versions/*</c>.</summary>
internal static class MlflowRegistryEndpoints
{
    public static void Map(IEndpointRouteBuilder g)
    {
        g.Handle("POST", "/registered-models/create", CreateModel);
        g.Handle("GET", "/registered-models/get", GetModel);
        g.Handle("GET", "/registered-models/search", SearchModels);
        g.Handle("POST", "/registered-models/search", SearchModels);
        g.Handle("POST", "/registered-models/rename", RenameModel);
        g.Handle("PATCH", "/registered-models/update", UpdateModel);
        g.Handle("DELETE", "/registered-models/delete", DeleteModel);
        g.Handle("POST", "/registered-models/set-tag", SetModelTag);
        g.Handle("DELETE", "/registered-models/delete-tag", DeleteModelTag);
        g.Handle("POST", "/registered-models/get-latest-versions", GetLatestVersions);
        g.Handle("GET", "/registered-models/get-latest-versions", GetLatestVersions);
        g.Handle("POST", "/registered-models/alias", SetAlias);
        g.Handle("DELETE", "/registered-models/alias", DeleteAlias);
        g.Handle("GET", "/registered-models/alias", GetByAlias);

        g.Handle("POST", "/model-versions/create", CreateVersion);
        g.Handle("GET", "/model-versions/get", GetVersion);
        g.Handle("PATCH", "/model-versions/update", UpdateVersion);
        g.Handle("DELETE", "/model-versions/delete", DeleteVersion);
        g.Handle("GET", "/model-versions/search", SearchVersions);
        g.Handle("POST", "/model-versions/search", SearchVersions);
        g.Handle("POST", "/model-versions/set-tag", SetVersionTag);
        g.Handle("DELETE", "/model-versions/delete-tag", DeleteVersionTag);
        g.Handle("POST", "/model-versions/transition-stage", TransitionStage);
        g.Handle("GET", "/model-versions/get-download-uri", GetDownloadUri);
    }

    private static IResult Model(RegisteredModel model) =>
        MlflowCall.Ok(new RegisteredModelResponse(RegisteredModelDocument.From(model)), MlflowJsonContext.Default.RegisteredModelResponse);

    private static IResult Version(ModelVersion version) =>
        MlflowCall.Ok(new ModelVersionResponse(ModelVersionDocument.From(version)), MlflowJsonContext.Default.ModelVersionResponse);

    private static int VersionOf(MlflowRequest r) => MlflowFormat.ParseVersion(r.Required("version"));

    private static async Task<IResult> CreateModel(MlflowCall c)
    {
        var r = c.Request;
        var model = await c.Registry.CreateRegisteredModelAsync(
            r.Required("name"), NullIfEmpty(r.String("description")), ToDictionary(r.Tags(), "tags"), c.Change, c.Aborted).ConfigureAwait(false);
        return Model(model);
    }

    private static async Task<IResult> GetModel(MlflowCall c) =>
        Model(await c.Registry.GetRegisteredModelAsync(c.Request.Required("name"), c.Aborted).ConfigureAwait(false));

    private static async Task<IResult> SearchModels(MlflowCall c)
    {
        var r = c.Request;
        var search = new RegisteredModelSearch(
            NullIfEmpty(r.String("filter")), MlflowFormat.MaxResults(r.Long("max_results"), 100), OrderBy(r), NullIfEmpty(r.String("page_token")));
        var page = await c.Registry.SearchRegisteredModelsAsync(search, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(
            new SearchRegisteredModelsResponse([.. page.Items.Select(RegisteredModelDocument.From)], page.NextPageToken),
            MlflowJsonContext.Default.SearchRegisteredModelsResponse);
    }

    private static async Task<IResult> RenameModel(MlflowCall c) =>
        Model(await c.Registry.RenameRegisteredModelAsync(c.Request.Required("name"), c.Request.Required("new_name"), c.Change, c.Aborted).ConfigureAwait(false));

    private static async Task<IResult> UpdateModel(MlflowCall c) =>
        Model(await c.Registry.UpdateRegisteredModelAsync(c.Request.Required("name"), c.Request.String("description"), c.Change, c.Aborted).ConfigureAwait(false));

    private static async Task<IResult> DeleteModel(MlflowCall c)
    {
        await c.Registry.DeleteRegisteredModelAsync(c.Request.Required("name"), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> SetModelTag(MlflowCall c)
    {
        var r = c.Request;
        await c.Registry.SetRegisteredModelTagAsync(
            r.Required("name"), r.Required("key"), r.String("value") ?? throw MlflowRequest.Missing("value"), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> DeleteModelTag(MlflowCall c)
    {
        await c.Registry.DeleteRegisteredModelTagAsync(c.Request.Required("name"), c.Request.Required("key"), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> GetLatestVersions(MlflowCall c)
    {
        var r = c.Request;
        var stages = r.Strings("stages").Select(ApiNames.ParseModelStage).ToArray();
        var versions = await c.Registry.GetLatestVersionsAsync(r.Required("name"), stages, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(new ModelVersionsResponse([.. versions.Select(ModelVersionDocument.From)], null), MlflowJsonContext.Default.ModelVersionsResponse);
    }

    private static async Task<IResult> SetAlias(MlflowCall c)
    {
        var r = c.Request;
        await c.Registry.SetAliasAsync(r.Required("name"), r.Required("alias"), VersionOf(r), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> DeleteAlias(MlflowCall c)
    {
        await c.Registry.DeleteAliasAsync(c.Request.Required("name"), c.Request.Required("alias"), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> GetByAlias(MlflowCall c) =>
        Version(await c.Registry.GetModelVersionByAliasAsync(c.Request.Required("name"), c.Request.Required("alias"), c.Aborted).ConfigureAwait(false));

    private static async Task<IResult> CreateVersion(MlflowCall c)
    {
        var r = c.Request;
        var version = new NewModelVersion(
            r.Required("name"), r.Required("source"), NullIfEmpty(r.String("run_id")), NullIfEmpty(r.String("description")),
            ToDictionary(r.Tags(), "tags"), NullIfEmpty(r.String("run_link")));
        return Version(await c.Registry.CreateModelVersionAsync(version, c.Change, c.Aborted).ConfigureAwait(false));
    }

    private static async Task<IResult> GetVersion(MlflowCall c) =>
        Version(await c.Registry.GetModelVersionAsync(c.Request.Required("name"), VersionOf(c.Request), c.Aborted).ConfigureAwait(false));

    private static async Task<IResult> UpdateVersion(MlflowCall c) =>
        Version(await c.Registry.UpdateModelVersionAsync(
            c.Request.Required("name"), VersionOf(c.Request), c.Request.String("description"), c.Change, c.Aborted).ConfigureAwait(false));

    private static async Task<IResult> DeleteVersion(MlflowCall c)
    {
        await c.Registry.DeleteModelVersionAsync(c.Request.Required("name"), VersionOf(c.Request), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> SearchVersions(MlflowCall c)
    {
        var r = c.Request;
        var search = new ModelVersionSearch(
            NullIfEmpty(r.String("filter")), MlflowFormat.MaxResults(r.Long("max_results"), 1000), OrderBy(r), NullIfEmpty(r.String("page_token")));
        var page = await c.Registry.SearchModelVersionsAsync(search, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok(
            new ModelVersionsResponse([.. page.Items.Select(ModelVersionDocument.From)], page.NextPageToken), MlflowJsonContext.Default.ModelVersionsResponse);
    }

    private static async Task<IResult> SetVersionTag(MlflowCall c)
    {
        var r = c.Request;
        await c.Registry.SetModelVersionTagAsync(
            r.Required("name"), VersionOf(r), r.Required("key"), r.String("value") ?? throw MlflowRequest.Missing("value"), c.Change, c.Aborted)
            .ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> DeleteVersionTag(MlflowCall c)
    {
        var r = c.Request;
        await c.Registry.DeleteModelVersionTagAsync(r.Required("name"), VersionOf(r), r.Required("key"), c.Change, c.Aborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static async Task<IResult> TransitionStage(MlflowCall c)
    {
        var r = c.Request;
        var stage = ApiNames.ParseModelStage(r.Required("stage"));
        var version = await c.Registry.TransitionModelVersionStageAsync(
            r.Required("name"), VersionOf(r), stage, r.Bool("archive_existing_versions") ?? false, c.Change, c.Aborted).ConfigureAwait(false);
        return Version(version);
    }

    private static async Task<IResult> GetDownloadUri(MlflowCall c)
    {
        var version = await c.Registry.GetModelVersionAsync(c.Request.Required("name"), VersionOf(c.Request), c.Aborted).ConfigureAwait(false);
        var uri = version.Source;

        // runs:/<run id>/<path> resolves against the run's artifact URI, as MLflow's server does.
        const string RunsScheme = "runs:/";
        if (uri.StartsWith(RunsScheme, StringComparison.Ordinal))
        {
            var rest = uri[RunsScheme.Length..].TrimStart('/');
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var runId = slash < 0 ? rest : rest[..slash];
            var path = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
            var run = await c.Tracking.GetRunAsync(runId, c.Aborted).ConfigureAwait(false);
            uri = path.Length == 0 ? run.Info.ArtifactUri : run.Info.ArtifactUri.TrimEnd('/') + "/" + path;
        }

        return MlflowCall.Ok(new DownloadUriResponse(uri), MlflowJsonContext.Default.DownloadUriResponse);
    }
}
