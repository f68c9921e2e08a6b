using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Pipelines.Ingestion;
using Vigil.Server.Endpoints;
using Vigil.Server.Errors;
using Vigil.Server.Hosting;
using Vigil.Server.Json;
using Vigil.Server.Metrics;
using Vigil.Server.Serving;
using Vigil.Tracking.Content;
using Vigil.Tracking.Datasets;
using Vigil.Tracking.Sql;

namespace Vigil.Server;

/// <summary>The server's composition: <see cref="AddVigilServer"/> registers services and limits, <see cref="MapVigilServer"/> the pipeline and route groups.</summary>
public static class VigilServerExtensions
{
    /// <summary>The OpenAPI document's name: it is served at <c>/openapi/v1.json</c>.</summary>
    public const string OpenApiDocumentName = "v1";

    /// <summary>Registers the options, clock, stores, JSON settings, limits and readiness checks.</summary>
    public static WebApplicationBuilder AddVigilServer(this WebApplicationBuilder builder, VigilServerOptions options, VigilStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);

        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(store);
        services.AddSingleton(store.Datasets);
        services.AddSingleton(store.Content);
        services.AddSingleton(sp => new DatasetIngestor(
            sp.GetRequiredService<IDatasetStore>(), sp.GetRequiredService<IContentStore>(), Path.Combine(store.DataDirectory, "quarantine")));
        services.AddSingleton<IReadinessCheck, StoreReadinessCheck>();
        services.AddModelServing(options, store, time);
        services.AddOpenApi(OpenApiDocumentName, openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vigil";
            document.Info.Version = VigilServer.Version;
            document.Info.Description = "Vigil's API, MLflow's REST API 2.0, health and the Open Inference Protocol (KServe V2).";
            return Task.CompletedTask;
        }));

        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);
        // Binding failures (malformed JSON, missing body) throw, so the error middleware answers them in the API's format.
        services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        return builder;
    }

    /// <summary>
    /// Adds the error middleware and maps every route group: health, the V2 server routes, Vigil's <c>/api</c>, MLflow's
    /// <c>/api/2.0/mlflow</c>, and the OpenAPI document at <c>/openapi/v1.json</c> (built per request from every mapped
    /// endpoint, so routes mapped later are described too).
    /// </summary>
    public static WebApplication MapVigilServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<VigilServerOptions>();
        app.UseMiddleware<Metrics.RequestMetricsMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();

        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapV2ServerEndpoints();
        app.MapOpenApi();

        var api = app.MapGroup("/api");
        api.MapDatasetEndpoints(options);

        app.MapMlflowEndpoints();
        Mlflow.MlflowApi.MapMlflowApi(app);
        return app;
    }

    /// <summary>The JSON settings of every request and response: snake_case, relaxed escaping, nulls omitted, numbers also read from strings, source-generated types first.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // answers are application/json, never embedded in HTML

        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals;
        json.TypeInfoResolverChain.Insert(0, VigilJsonContext.Default);
    }
}
