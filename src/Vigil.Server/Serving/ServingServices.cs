using Microsoft.Extensions.DependencyInjection;
using Vigil.Serving;
using Vigil.Serving.Hosting;
using Vigil.Serving.Logging;
using Vigil.Serving.Routing;
using Vigil.Tracking.Sql;

namespace Vigil.Server.Serving;

/// <summary>Registers model serving: the loader over the store, the model host with the configured models, the router and the prediction log.</summary>
public static class ServingServices
{
    /// <summary>The seed of the router's canary and A/B draws (a fixed seed keeps a replayed request stream's routing identical).</summary>
    public const ulong RouterSeed = 0x5EED_0F_5161L;

    /// <summary>Adds the serving singletons and the hosted service that starts and polls the model host.</summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services, VigilServerOptions options, VigilStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var references = options.Models.Select(Parse).ToList();
        services.AddSingleton(new Vigil.Metrics.MetricsRegistry());
        services.AddSingleton(sp => new Metrics.ServingMetrics(sp.GetRequiredService<Vigil.Metrics.MetricsRegistry>()));
        services.AddSingleton<IModelHostObserver>(sp => sp.GetRequiredService<Metrics.ServingMetrics>());
        services.AddSingleton(new ModelHostOptions(references) { PollInterval = options.PollInterval });
        services.AddSingleton(_ => new ModelLoader(store.Registry, store.Artifacts, tracking: store.Tracking));
        services.AddSingleton(sp => new ModelHost(
            sp.GetRequiredService<ModelHostOptions>(), sp.GetRequiredService<ModelLoader>(), time, sp.GetServices<IModelHostObserver>()));
        services.AddSingleton(sp => new Router(sp.GetRequiredService<ModelHost>(), RouterSeed));
        services.AddSingleton(_ => new RoutingStore(store.Registry));
        services.AddSingleton(_ => new PredictionLog(new PredictionLogOptions(store.DataDirectory), time));
        services.AddSingleton<Hosting.IReadinessCheck, ModelsReadinessCheck>();
        services.AddHostedService<ModelServingService>();
        return services;
    }

    private static ModelReference Parse(string text)
    {
        try
        {
            return ModelReference.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"Model to serve '{text}': {ex.Message}", nameof(VigilServerOptions.Models), ex);
        }
    }
}
