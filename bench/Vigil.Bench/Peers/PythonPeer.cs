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
    /// <param name="script">The peer script.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="timeout">Kill it after this long.</param>
    /// <param name="threads">OMP_NUM_THREADS / OPENBLAS_NUM_THREADS (the anchors use 2).</param>
    /// <param name="libraryPath">A directory put first on LD_LIBRARY_PATH (e.g. a private OpenBLAS), or null.</param>
    public static JsonElement RunJson(string script, IEnumerable<string> args, TimeSpan timeout, int threads = 2, string? libraryPath = null)
    {
        var r = Run([script, .. args], timeout, threads, libraryPath);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} exited {r.ExitCode}: {r.Stderr}");
        }

        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    /// <summary>Runs a script in <paramref name="workingDirectory"/> for its side effects (e.g. a JSON file it writes); throws with its output on failure.</summary>
    public static void RunScript(string script, IEnumerable<string> args, TimeSpan timeout, string workingDirectory, int threads = 2, string? libraryPath = null)
    {
        var r = Run([script, .. args], timeout, threads, libraryPath, workingDirectory);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} exited {r.ExitCode}: {r.Stderr}\n{r.Stdout}");
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args, TimeSpan timeout, int threads, string? libraryPath = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The anchors' thread settings: 2 threads everywhere, fixed hash seed.
        var t = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["OMP_NUM_THREADS"] = t;
        psi.Environment["OPENBLAS_NUM_THREADS"] = t;
        psi.Environment["PYTHONHASHSEED"] = "0";
        if (libraryPath is not null)
        {
            var existing = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            psi.Environment["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(existing) ? libraryPath : libraryPath + ":" + existing;
        }

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
