using Xunit;

namespace Vigil.Mqtt.Tests.Broker;

/// <summary>
/// The socket tests run on their own, after the parallel ones: they move megabytes through loopback (GC pressure, ArrayPool trimming)
/// and would otherwise disturb the codec fuzz test that measures per-thread allocations.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerCollection
{
    public const string Name = "Broker sockets";
}
