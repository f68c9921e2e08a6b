using System.Buffers;

namespace Vigil.Tracking.Sql;

/// <summary>The kinds of store backend a store URI can select.</summary>
internal enum StoreBackend
{
    /// <summary>A SQLite database file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>A parsed store URI: which backend, and its target (a full file path for SQLite, the URI for servers).</summary>
/// <param name="Backend">The selected backend.</param>
/// <param name="Target">The SQLite file's full path, or the server URI.</param>
internal sealed record StoreLocation(StoreBackend Backend, string Target)
{
    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    /// <summary>
    /// Parses a store URI. SQLite follows the SQLAlchemy/MLflow form: <c>sqlite:///relative.db</c> and
    /// <c>sqlite:////absolute/path.db</c>; <c>sqlite:path.db</c> and a plain file path are accepted too.
    /// </summary>
    public static StoreLocation Parse(string storeUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeUri);
        var scheme = SchemeOf(storeUri);
        switch (scheme?.ToLowerInvariant())
        {
            case null:
                return Sqlite(storeUri, storeUri);
            case "sqlite":
                var rest = storeUri[(scheme.Length + 1)..];
                if (rest.StartsWith("///", StringComparison.Ordinal))
                {
                    return Sqlite(rest[3..], storeUri);
                }

                return rest.StartsWith("//", StringComparison.Ordinal)
                    ? throw new ArgumentException($"Store URI '{storeUri}': SQLite URIs have no host; use sqlite:///relative.db or sqlite:////absolute/path.db.", nameof(storeUri))
                    : Sqlite(rest, storeUri);
            case "postgresql" or "postgres":
                return new StoreLocation(StoreBackend.PostgreSql, storeUri);
            default:
                // Only the scheme is named: the rest of a server URI may hold credentials.
                throw new ArgumentException(
                    $"Store URI scheme '{scheme}' is not supported. Use a file path, sqlite:///path/to/vigil.db or postgresql://host/db.",
                    nameof(storeUri));
        }
    }

    private static StoreLocation Sqlite(string path, string storeUri)
    {
        if (path.Length == 0 || path.Contains('?', StringComparison.Ordinal) || path == ":memory:")
        {
            throw new ArgumentException(
                $"Store URI '{storeUri}': expected a database file path (no query string, no in-memory database).", nameof(storeUri));
        }

        return new StoreLocation(StoreBackend.Sqlite, Path.GetFullPath(path));
    }

    // A scheme is two or more characters before ':', so "C:\data\vigil.db" stays a plain path.
    private static string? SchemeOf(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(uri[0]))
        {
            return null;
        }

        return uri.AsSpan(0, colon).ContainsAnyExcept(SchemeChars) ? null : uri[..colon];
    }
}
