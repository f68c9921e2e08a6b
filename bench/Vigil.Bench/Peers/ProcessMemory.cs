using System.Globalization;

namespace Vigil.Bench.Peers;

/// <summary>The peak resident memory of this process (VmHWM from /proc/self/status), runtime and data included.</summary>
internal static class ProcessMemory
{
    public static double PeakMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }
}
