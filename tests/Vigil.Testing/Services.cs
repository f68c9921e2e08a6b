using Xunit;

namespace Vigil.Testing;

/// <summary>Skips a test whose real service or data is missing, or fails it when VIGIL_REQUIRE_SERVICES=1.</summary>
public static class Services
{
    /// <summary>Whether missing services must fail tests instead of skipping them (CI sets VIGIL_REQUIRE_SERVICES=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("VIGIL_REQUIRE_SERVICES") is "1" or "true";

    /// <summary>Reports that a service is unavailable: fails under <see cref="Required"/>, otherwise skips with the reason printed.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Unavailable(string reason) => Unavailable(reason, Required);

    /// <summary>Reports that a service is unavailable: fails when <paramref name="required"/>, otherwise skips with the reason printed.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Unavailable(string reason, bool required)
    {
        if (required)
        {
            Assert.Fail($"VIGIL_REQUIRE_SERVICES=1 but {reason}");
        }

        Assert.Skip(reason);
        throw new InvalidOperationException(reason);
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindExecutable(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
