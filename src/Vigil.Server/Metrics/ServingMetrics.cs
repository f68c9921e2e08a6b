using System.Globalization;
using Vigil.Metrics;
using Vigil.Serving;
using Vigil.Serving.Hosting;
using Vigil.Serving.Routing;

namespace Vigil.Server.Metrics;

/// <summary>
/// Every metric the server exports on <c>/metrics</c>: HTTP requests by route, method, status, model, version and variant;
/// latency histograms; in-flight requests; predictions and their distribution; model loads, swaps, load failures and
/// routing changes (as an <see cref="IModelHostObserver"/>); the prediction log's drops; process and runtime metrics.
/// </summary>
public sealed class ServingMetrics : IModelHostObserver, IDisposable
{
    private static readonly double[] ProbabilityBuckets = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    private readonly ProcessMetricsCollector _process;

    /// <summary>Creates the metric families in <paramref name="registry"/> and adds the process collector.</summary>
    public ServingMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        Requests = registry.CreateCounter(
            "vigil_http_requests_total", "HTTP requests answered, by route template, method, status code, model, model version and routing variant.",
            "route", "method", "status", "model", "version", "variant");
        RequestDuration = registry.CreateHistogram(
            "vigil_http_request_duration_seconds", "Time from the request's arrival to its last response byte, by route template, method and model.",
            Buckets.Latency, "route", "method", "model");
        InFlight = registry.CreateGauge("vigil_http_requests_in_flight", "Requests being processed now.");
        Predictions = registry.CreateCounter(
            "vigil_predictions_total", "Rows scored, by model, version and variant (shadow rows included, variant=shadow).", "model", "version", "variant");
        PredictionProbability = registry.CreateHistogram(
            "vigil_prediction_probability", "Distribution of the positive-class probability of binary classifiers (the last class for multi-class: its top probability).",
            ProbabilityBuckets, "model", "version", "variant");
        PredictionValue = registry.CreateHistogram(
            "vigil_prediction_value", "Distribution of regression and RUL predictions.",
            Buckets.Exponential(1, 2, 12), "model", "version", "variant");
        ScoringDuration = registry.CreateHistogram(
            "vigil_scoring_duration_seconds", "Model time per scoring call (decode and encode excluded), by model, version and variant.",
            Buckets.Latency, "model", "version", "variant");
        InputErrors = registry.CreateCounter("vigil_input_errors_total", "Requests rejected by input validation, by model.", "model");
        ShadowFailures = registry.CreateCounter("vigil_shadow_failures_total", "Shadow scorings that failed (the caller was answered by the primary).", "model");
        ModelLoads = registry.CreateCounter("vigil_model_loads_total", "Model versions loaded and warmed.", "model", "version");
        ModelLoadDuration = registry.CreateHistogram("vigil_model_load_duration_seconds", "Time to load and warm a model version.", Buckets.Default, "model");
        ModelLoadFailures = registry.CreateCounter("vigil_model_load_failures_total", "Failed loads (the previous version keeps serving).", "model");
        ModelSwaps = registry.CreateCounter("vigil_model_swaps_total", "Hot swaps of a served model's primary version.", "model");
        RoutingChanges = registry.CreateCounter("vigil_routing_changes_total", "Changes of a served model's routing (canary, shadow, A/B) or secondary version.", "model");
        ServedVersion = registry.CreateGauge("vigil_model_version", "The version a served model answers with (its primary), by model.", "model");
        PredictionLogDropped = registry.CreateGauge("vigil_prediction_log_dropped", "Prediction log entries dropped because the writer's queue was full (since start).");
        _process = new ProcessMetricsCollector();
        registry.AddCollector(_process);
    }

    /// <summary>The registry written on <c>/metrics</c>.</summary>
    public MetricsRegistry Registry { get; }

    /// <summary>vigil_http_requests_total.</summary>
    public Counter Requests { get; }

    /// <summary>vigil_http_request_duration_seconds.</summary>
    public Histogram RequestDuration { get; }

    /// <summary>vigil_http_requests_in_flight.</summary>
    public Gauge InFlight { get; }

    /// <summary>vigil_predictions_total.</summary>
    public Counter Predictions { get; }

    /// <summary>vigil_prediction_probability.</summary>
    public Histogram PredictionProbability { get; }

    /// <summary>vigil_prediction_value.</summary>
    public Histogram PredictionValue { get; }

    /// <summary>vigil_scoring_duration_seconds.</summary>
    public Histogram ScoringDuration { get; }

    /// <summary>vigil_input_errors_total.</summary>
    public Counter InputErrors { get; }

    /// <summary>vigil_shadow_failures_total.</summary>
    public Counter ShadowFailures { get; }

    /// <summary>vigil_model_loads_total.</summary>
    public Counter ModelLoads { get; }

    /// <summary>vigil_model_load_duration_seconds.</summary>
    public Histogram ModelLoadDuration { get; }

    /// <summary>vigil_model_load_failures_total.</summary>
    public Counter ModelLoadFailures { get; }

    /// <summary>vigil_model_swaps_total.</summary>
    public Counter ModelSwaps { get; }

    /// <summary>vigil_routing_changes_total.</summary>
    public Counter RoutingChanges { get; }

    /// <summary>vigil_model_version.</summary>
    public Gauge ServedVersion { get; }

    /// <summary>vigil_prediction_log_dropped.</summary>
    public Gauge PredictionLogDropped { get; }

    /// <summary>Counts one scoring call's rows and records their distribution and the model time.</summary>
    public void ObservePrediction(ModelIdentity identity, string variant, ScoreResult result, TimeSpan scoringTime)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(result);
        var version = Version(identity);
        Predictions.WithLabels(identity.Name, version, variant).Inc(result.Rows);
        ScoringDuration.WithLabels(identity.Name, version, variant).ObserveDuration(scoringTime);
        if (result.Probabilities is { } p && result.ClassNames is { Count: > 0 } classes)
        {
            var h = PredictionProbability.WithLabels(identity.Name, version, variant);
            var k = classes.Count;
            for (var i = 0; i < result.Rows; i++)
            {
                if (k == 2)
                {
                    h.Observe(p[(i * 2) + 1]);
                }
                else
                {
                    var top = 0.0;
                    for (var j = 0; j < k; j++)
                    {
                        top = Math.Max(top, p[(i * k) + j]);
                    }

                    h.Observe(top);
                }
            }
        }
        else if (result.Values is { } values)
        {
            var h = PredictionValue.WithLabels(identity.Name, version, variant);
            for (var i = 0; i < result.Rows; i++)
            {
                h.Observe(values[i]);
            }
        }
    }

    /// <inheritdoc/>
    public void OnLoaded(ModelIdentity identity, TimeSpan duration)
    {
        ModelLoads.WithLabels(identity.Name, Version(identity)).Inc();
        ModelLoadDuration.WithLabels(identity.Name).ObserveDuration(duration);
    }

    /// <inheritdoc/>
    public void OnSwapped(string name, ModelIdentity from, ModelIdentity to)
    {
        ModelSwaps.WithLabels(name).Inc();
        ServedVersion.WithLabels(name).Set(to.Version);
    }

    /// <inheritdoc/>
    public void OnLoadFailed(ModelReference reference, Exception error) => ModelLoadFailures.WithLabels(reference.Name).Inc();

    /// <inheritdoc/>
    public void OnRoutingChanged(string name, RoutingSpec from, RoutingSpec to, ModelEndpoint endpoint) => RoutingChanges.WithLabels(name).Inc();

    /// <summary>Records the served version of a model that just started serving (a first load, not a swap).</summary>
    public void OnServing(ModelEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ServedVersion.WithLabels(endpoint.Name).Set(endpoint.PrimaryIdentity.Version);
    }

    /// <summary>Removes the process collector.</summary>
    public void Dispose()
    {
        Registry.RemoveCollector(_process);
        _process.Dispose();
    }

    /// <summary>The version label: the registry version, or "file" for a model loaded from a file.</summary>
    public static string Version(ModelIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Version > 0 ? identity.Version.ToString(CultureInfo.InvariantCulture) : "file";
    }
}
