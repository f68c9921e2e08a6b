using System.Diagnostics;
using System.Text.Json;

namespace Vigil.Bench.Peers;

/// <summary>Runs a Python peer script with Debian's /usr/bin/python3 and parses the JSON it prints.</summary>
internal static class PythonPeer
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Whether python3 can import every module named.</summary>
    public static bool CanImport(params string[] modules)
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        var r = Run(["-c", "import " + string.Join(", ", modules)], TimeSpan.FromMinutes(1), threads: 2);
        return r.ExitCode == 0;
    }

    /// <summary>Runs a script and parses its stdout as one JSON document; throws with stderr on failure.</summary>
    public static JsonElement RunJson(string script, IEnumerable<string> args, TimeSpan timeout)
    {
        var r = Run([script, .. args], timeout, threads: 2);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} exited {r.ExitCode}: {r.Stderr}");
        }

        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args, TimeSpan timeout, int threads)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The anchors' thread settings: 2 threads everywhere, fixed hash seed.
        var t = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["OMP_NUM_THREADS"] = t;
        psi.Environment["OPENBLAS_NUM_THREADS"] = t;
        psi.Environment["PYTHONHASHSEED"] = "0";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 {string.Join(' ', args)} took longer than {timeout}");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
