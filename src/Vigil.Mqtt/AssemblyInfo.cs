namespace Vigil.Mqtt;

/// <summary>Marker for the Vigil.Mqtt assembly: the MQTT 3.1.1 packet codec, client and embedded broker.</summary>
internal static class AssemblyMarker;
