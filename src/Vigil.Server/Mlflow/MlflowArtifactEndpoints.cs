using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Errors;
using Vigil.Tracking;
using Vigil.Tracking.Artifacts;
using Vigil.Tracking.Search;
using Vigil.Tracking.Sql;

namespace Vigil.Server.Mlflow;

/// <summary>
/// MLflow's proxied artifact API under <c>/api/2.0/mlflow-artifacts</c> (PUT upload, GET download, GET list) over
/// <see cref="VigilStore.Artifacts"/>, plus <c>/api/2.0/mlflow/artifacts/list</c> for a run. Every path goes through
/// <see cref="ArtifactPath.Normalize"/>, so <c>..</c>, absolute paths and backslashes are a 400, never a file outside the root.
/// </summary>
internal static class MlflowArtifactEndpoints
{
    /// <summary>The artifact URI scheme of experiments whose artifacts this server stores.</summary>
    public const string ProxyScheme = ArtifactUri.ProxyScheme;

    public static void MapProxy(IEndpointRouteBuilder g, long maxUploadBytes)
    {
        g.MapGet("/artifacts", (Func<HttpContext, Task<IResult>>)List);
        g.MapGet("/artifacts/{**path}", (HttpContext http, string? path) =>
            string.IsNullOrEmpty(path) ? List(http) : Download(http, path));
        g.MapPut("/artifacts/{**path}", Upload).WithMetadata(new RequestSizeLimit(maxUploadBytes));
    }

    public static void MapRunList(IEndpointRouteBuilder mlflow) => mlflow.Handle("GET", "/artifacts/list", ListRun);

    private static IArtifactStore Store(HttpContext http) => http.RequestServices.GetRequiredService<VigilStore>().Artifacts;

    /// <summary>The route's path with encoded slashes decoded (the router leaves <c>%2F</c> as is), then validated.</summary>
    private static string PathOf(string? path) =>
        ArtifactPath.Normalize(path?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace("%5C", "\\", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> Upload(HttpContext http, string? path)
    {
        var normalized = PathOf(path);
        await Store(http).PutAsync(normalized, http.Request.Body, http.RequestAborted).ConfigureAwait(false);
        return MlflowCall.Ok();
    }

    private static Task<IResult> Download(HttpContext http, string path)
    {
        var normalized = PathOf(path);
        var stream = Store(http).OpenRead(normalized);
        var name = normalized[(normalized.LastIndexOf('/') + 1)..];
        var contentType = ContentTypeOf(name);
        return Task.FromResult<IResult>(TypedResults.Stream(stream, contentType, name));
    }

    private static async Task<IResult> List(HttpContext http)
    {
        var query = http.Request.Query["path"];
        var path = query.Count == 0 || string.IsNullOrEmpty(query[0]) ? null : PathOf(query[0]);
        var entries = await Store(http).ListAsync(path, http.RequestAborted).ConfigureAwait(false);

        // MLflow answers base names here; its client joins them to the requested path.
        var files = entries.Select(e => new FileInfoDocument(e.Path[(e.Path.LastIndexOf('/') + 1)..], e.IsDirectory, e.FileSize)).ToList();
        return MlflowCall.Ok(new ArtifactFilesResponse(files), MlflowJsonContext.Default.ArtifactFilesResponse);
    }

    private static async Task<IResult> ListRun(MlflowCall c)
    {
        var r = c.Request;
        var run = await c.Tracking.GetRunAsync(r.RunId(), c.Aborted).ConfigureAwait(false);
        var root = RootPathOf(run.Info.ArtifactUri);
        var relative = r.String("path") is { Length: > 0 } p ? ArtifactPath.Normalize(p) : null;
        var entries = await c.Artifacts.ListAsync(relative is null ? root : root + "/" + relative, c.Aborted).ConfigureAwait(false);
        var files = entries.Select(e => new FileInfoDocument(e.Path[(root.Length + 1)..], e.IsDirectory, e.FileSize)).ToList();

        var fingerprint = PageToken.FingerprintOf("artifacts", run.Info.RunId, relative);
        var offset = (int)Math.Min(PageToken.Decode(MlflowTrackingEndpoints.NullIfEmpty(r.String("page_token")), fingerprint), files.Count);
        var size = MlflowFormat.MaxResults(r.Long("max_results"), TrackingLimits.MaxResultsPerPage);
        var page = files.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < files.Count ? PageToken.Encode(offset + page.Count, fingerprint) : null;
        return MlflowCall.Ok(new ListArtifactsResponse(run.Info.ArtifactUri, page, next), MlflowJsonContext.Default.ListArtifactsResponse);
    }

    /// <summary>The content type of common artifact files by extension; <c>application/octet-stream</c> otherwise (also for HTML and SVG, which must not run script on this origin).</summary>
    internal static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".txt" or ".log" or ".py" or ".md" => "text/plain",
        ".json" => "application/json",
        ".yaml" or ".yml" => "text/yaml",
        ".csv" => "text/csv",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    /// <summary>The root-relative store path of a proxied artifact URI (<c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c>, also with a host).</summary>
    internal static string RootPathOf(string artifactUri)
    {
        if (!artifactUri.StartsWith(ProxyScheme, StringComparison.Ordinal))
        {
            throw ApiError.InvalidParameter(
                $"The run's artifact URI '{artifactUri}' is not served by this server's artifact proxy ({ProxyScheme}); list it where it is stored.").ToException();
        }

        return ArtifactUri.ToStorePath(artifactUri);
    }

    private sealed class RequestSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
