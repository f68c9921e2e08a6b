namespace Vigil.Metrics;

/// <summary>Marker for the Vigil.Metrics assembly: a small Prometheus metrics registry and text exposition writer.</summary>
internal static class AssemblyMarker;
