using System.Globalization;

namespace Vigil.Testing.Postgres;

/// <summary>A PostgreSQL server installation: the folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
/// <param name="BinDirectory">The folder with the server binaries.</param>
public sealed record PostgresInstallation(string BinDirectory)
{
    /// <summary>The environment variable that points at a bin folder explicitly (overrides the search).</summary>
    public const string BinDirectoryVariable = "VIGIL_PG_BIN";

    /// <summary>The Debian/Ubuntu root under which each major version has its own <c>N/bin</c>.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The full path of <c>initdb</c>.</summary>
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    /// <summary>The full path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Whether <paramref name="binDirectory"/> holds all of <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public static bool IsComplete(string binDirectory) => Required.All(name => File.Exists(Path.Combine(binDirectory, name)));

    /// <summary>
    /// Finds the server binaries: <c>$VIGIL_PG_BIN</c> when set, else the newest <c>/usr/lib/postgresql/N/bin</c>,
    /// else <c>initdb</c> on PATH. Returns null with a reason that names what was searched when none is complete.
    /// </summary>
    public static PostgresInstallation? Find(out string reason)
    {
        var fromEnv = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return At(fromEnv, out reason);
        }

        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => (Dir: dir, Major: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1))
                .Where(v => v.Major >= 0 && IsComplete(Path.Combine(v.Dir, "bin")))
                .OrderByDescending(v => v.Major)
                .Select(v => Path.Combine(v.Dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                reason = string.Empty;
                return new PostgresInstallation(newest);
            }
        }

        var initdb = Services.FindExecutable("initdb");
        if (initdb is not null && IsComplete(Path.GetDirectoryName(initdb)!))
        {
            reason = string.Empty;
            return new PostgresInstallation(Path.GetDirectoryName(initdb)!);
        }

        reason = $"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found under {DebianRoot}/*/bin or on PATH; " +
                 $"install the Debian package 'postgresql' (apt-get install postgresql) or set {BinDirectoryVariable}";
        return null;
    }

    /// <summary>The installation at <paramref name="binDirectory"/>, or null with a reason when a binary is missing.</summary>
    public static PostgresInstallation? At(string binDirectory, out string reason)
    {
        if (IsComplete(binDirectory))
        {
            reason = string.Empty;
            return new PostgresInstallation(Path.GetFullPath(binDirectory));
        }

        reason = $"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in '{binDirectory}'; " +
                 $"install the Debian package 'postgresql' or point {BinDirectoryVariable} at a bin folder that has them";
        return null;
    }
}
