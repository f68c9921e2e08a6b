using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Vigil.Pipelines.Ingestion;
using Vigil.Server.Errors;
using Vigil.Tracking.Datasets;

namespace Vigil.Server.Endpoints;

/// <summary>
/// Vigil's dataset API: <c>GET /api/datasets[?name=]</c>, <c>GET /api/datasets/{name}</c> (latest version),
/// <c>GET /api/datasets/{name}/versions/{version}</c>, and <c>POST /api/datasets</c> (multipart upload, the same path as <c>vigil ingest</c>).
/// </summary>
public static class DatasetEndpoints
{
    /// <summary>How many quarantined rows an upload answer lists; the rest are in the quarantine file.</summary>
    public const int MaxListedQuarantinedRows = 100;

    /// <summary>Maps the dataset routes under <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static IEndpointRouteBuilder MapDatasetEndpoints(this IEndpointRouteBuilder api, VigilServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var group = api.MapGroup("/datasets");
        group.MapGet("/", List);
        group.MapGet("/{name}", (string name, IDatasetStore store, CancellationToken ct) => Show(name, null, store, ct));
        group.MapGet("/{name}/versions/{version}", Show);
        group.MapPost("/", Upload).WithMetadata(new RequestSizeLimit(options.MaxUploadBytes));
        return api;
    }

    private static async Task<Ok<DatasetListDocument>> List(string? name, IDatasetStore store, CancellationToken ct)
    {
        if (name is not null && !DatasetReference.IsValidName(name))
        {
            throw ApiError.InvalidParameter($"name '{name}' must be 1-128 letters, digits, '-', '_' or '.'.").ToException();
        }

        var versions = await store.ListAsync(name, ct).ConfigureAwait(false);
        return TypedResults.Ok(new DatasetListDocument([.. versions.Select(v => DatasetVersionDocument.From(v, withProfile: false))]));
    }

    private static async Task<Ok<DatasetVersionDocument>> Show(string name, string? version, IDatasetStore store, CancellationToken ct)
    {
        if (!DatasetReference.IsValidName(name))
        {
            throw ApiError.InvalidParameter($"Dataset name '{name}' must be 1-128 letters, digits, '-', '_' or '.'.").ToException();
        }

        int? number = null;
        if (version is not null)
        {
            number = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw ApiError.InvalidParameter($"Dataset version '{version}' is not a positive integer.").ToException();
        }

        var found = await store.GetAsync(name, number, ct).ConfigureAwait(false)
            ?? throw ApiError.NotFound(number is null ? $"No dataset named '{name}'." : $"Dataset '{name}' has no version {number}.").ToException();
        return TypedResults.Ok(DatasetVersionDocument.From(found, withProfile: true));
    }

    private static async Task<IResult> Upload(HttpRequest request, DatasetIngestor ingestor, VigilServerOptions options, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw ApiError.InvalidParameter("Expected a multipart/form-data body with a 'file' part (the CSV) and a 'name' field.").ToException();
        }

        if (request.ContentLength > options.MaxUploadBytes)
        {
            throw ApiError.TooLarge($"The upload is {request.ContentLength} bytes; the limit is {options.MaxUploadBytes}.").ToException();
        }

        var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        var file = form.Files.GetFile("file")
            ?? throw ApiError.InvalidParameter("Missing the 'file' part (the CSV to ingest).").ToException();
        var name = form["name"].ToString();
        var target = form["target"].ToString();
        var fileName = Path.GetFileName(file.FileName);
        var source = "upload:" + (string.IsNullOrWhiteSpace(fileName) ? "file.csv" : fileName);

        var uploads = Path.Combine(options.DataDirectory, "uploads");
        Directory.CreateDirectory(uploads);
        var temp = Path.Combine(uploads, $"{Path.GetRandomFileName()}.csv");
        try
        {
            await using (var output = File.Create(temp))
            {
                await file.CopyToAsync(output, ct).ConfigureAwait(false);
            }

            var ingestRequest = new IngestRequest(temp, name, string.IsNullOrEmpty(target) ? null : target, source: source);
            var result = await ingestor.IngestAsync(ingestRequest, null, ct).ConfigureAwait(false);
            var document = ToDocument(result, options.DataDirectory);
            var location = $"/api/datasets/{Uri.EscapeDataString(result.Version.Name)}/versions/{result.Version.Version}";
            return result.Reused ? TypedResults.Ok(document) : TypedResults.Created(location, document);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static DatasetUploadDocument ToDocument(IngestResult result, string dataDirectory)
    {
        var quarantined = result.Read.Quarantined;
        return new DatasetUploadDocument(
            DatasetVersionDocument.From(result.Version, withProfile: false),
            result.Reused,
            quarantined.Count,
            [.. quarantined.Take(MaxListedQuarantinedRows).Select(q => new QuarantinedRowDocument(q.LineNumber, q.Reason))],
            quarantined.Count > MaxListedQuarantinedRows,
            // Relative to the data directory: the answer goes to a browser and need not reveal the server's paths.
            result.QuarantineFile is null ? null : Path.GetRelativePath(dataDirectory, result.QuarantineFile).Replace('\\', '/'),
            result.Read.Summary.Warnings);
    }

    private sealed class RequestSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
