using System.Globalization;
using Npgsql;

namespace Vigil.Tracking.Sql.Postgres;

/// <summary>
/// Parses libpq-style store URIs, <c>postgresql://user:password@host:port/database?param=value</c> (or <c>postgres://</c>),
/// into an <see cref="NpgsqlConnectionStringBuilder"/>. Error messages never repeat any part of the URI except
/// well-formed parameter names, so a password can never leak into a log; <see cref="Redact"/> gives a printable form.
/// </summary>
internal static class PostgresStoreUri
{
    private const string Prefix = "PostgreSQL store URI";

    /// <summary>The default server port.</summary>
    public const int DefaultPort = 5432;

    /// <summary>Whether <paramref name="storeUri"/> starts with <c>postgresql://</c> or <c>postgres://</c> (any case).</summary>
    public static bool IsPostgres(string storeUri) =>
        storeUri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || storeUri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses the URI. Supported: percent-encoded user, password, host and database; a host list <c>h1:p1,h2:p2</c>;
    /// IPv6 in brackets; libpq parameters (<c>host</c> (a socket folder when it starts with '/'), <c>port</c>, <c>dbname</c>,
    /// <c>user</c>, <c>password</c>, <c>sslmode</c>, <c>sslrootcert</c>, <c>sslcert</c>, <c>sslkey</c>, <c>sslpassword</c>,
    /// <c>application_name</c>, <c>connect_timeout</c>, <c>options</c>, <c>target_session_attrs</c>, <c>passfile</c>) and any
    /// Npgsql connection-string keyword (e.g. <c>Search Path</c>, <c>Maximum Pool Size</c>). Throws <see cref="ArgumentException"/>.
    /// </summary>
    public static NpgsqlConnectionStringBuilder Parse(string storeUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeUri);
        if (!IsPostgres(storeUri))
        {
            throw Invalid("must start with postgresql:// or postgres://");
        }

        var rest = storeUri[(storeUri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (rest.Contains('#', StringComparison.Ordinal))
        {
            throw Invalid("must not have a '#' fragment (percent-encode '#' in a password as %23)");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? string.Empty : rest[(queryStart + 1)..];
        var beforeQuery = queryStart < 0 ? rest : rest[..queryStart];
        var slash = beforeQuery.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? beforeQuery : beforeQuery[..slash];
        var database = slash < 0 ? string.Empty : beforeQuery[(slash + 1)..];

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon < 0 ? userInfo : userInfo[..colon], "user name");
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..], "password");
            }

            authority = authority[(at + 1)..];
        }

        if (authority.Length > 0)
        {
            SetHosts(builder, authority);
        }

        if (database.Length > 0)
        {
            builder.Database = Decode(database, "database name");
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Invalid("has a query parameter that is not name=value");
            }

            SetParameter(builder, Decode(pair[..equals], "parameter name"), Decode(pair[(equals + 1)..], "parameter value"));
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw Invalid("has no host (postgresql://host/database, or ?host=/socket/folder)");
        }

        return builder;
    }

    /// <summary>A printable form, <c>postgresql://user:***@host:port/database</c>: the password (if any) masked, parameters dropped.</summary>
    public static string Redact(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : Uri.EscapeDataString(builder.Username);
        var password = string.IsNullOrEmpty(builder.Password) ? string.Empty : ":***";
        var userInfo = user.Length + password.Length > 0 ? user + password + "@" : string.Empty;
        var host = builder.Host ?? string.Empty;
        var hostPart = host.Contains(',', StringComparison.Ordinal)
            ? host
            : (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : Uri.EscapeDataString(host)) + ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        return $"postgresql://{userInfo}{hostPart}/{Uri.EscapeDataString(builder.Database ?? string.Empty)}";
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hostSpec)
    {
        List<(string Host, int? Port)> hosts = [];
        foreach (var entry in hostSpec.Split(','))
        {
            string host;
            string? port = null;
            if (entry.StartsWith('['))
            {
                var close = entry.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || (close + 1 < entry.Length && entry[close + 1] != ':'))
                {
                    throw Invalid("has a malformed bracketed IPv6 host");
                }

                host = entry[1..close];
                port = close + 1 < entry.Length ? entry[(close + 2)..] : null;
            }
            else
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                host = colon < 0 ? entry : entry[..colon];
                port = colon < 0 ? null : entry[(colon + 1)..];
            }

            hosts.Add((Decode(host, "host"), port is null || port.Length == 0 ? null : ParsePort(port)));
        }

        if (hosts.Count == 1)
        {
            if (hosts[0].Host.Length > 0)
            {
                builder.Host = hosts[0].Host;
            }

            builder.Port = hosts[0].Port ?? DefaultPort;
            return;
        }

        if (hosts.Any(h => h.Host.Length == 0))
        {
            throw Invalid("has an empty host in its host list");
        }

        // Npgsql's multi-host form: "h1:p1,h2:p2".
        builder.Host = string.Join(',', hosts.Select(h => $"{h.Host}:{(h.Port ?? DefaultPort).ToString(CultureInfo.InvariantCulture)}"));
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        try
        {
            switch (name)
            {
                case "host": builder.Host = value; break;
                case "port": builder.Port = ParsePort(value); break;
                case "dbname": builder.Database = value; break;
                case "user": builder.Username = value; break;
                case "password": builder.Password = value; break;
                case "passfile": builder.Passfile = value; break;
                case "sslmode": builder.SslMode = ParseSslMode(value); break;
                case "sslrootcert": builder.RootCertificate = value; break;
                case "sslcert": builder.SslCertificate = value; break;
                case "sslkey": builder.SslKey = value; break;
                case "sslpassword": builder.SslPassword = value; break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "options": builder.Options = value; break;
                case "target_session_attrs": builder.TargetSessionAttributes = value; break;
                default: builder[name] = value; break;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or KeyNotFoundException or InvalidCastException)
        {
            // No inner exception: Npgsql's messages may quote the value.
            var known = name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ' ');
            throw Invalid(known && builder.ContainsKey(name) || IsLibpqName(name)
                ? $"has an invalid value for parameter '{name}'"
                : known ? $"has an unknown parameter '{name}'" : "has an unknown parameter");
        }
    }

    private static bool IsLibpqName(string name) => name is "host" or "port" or "dbname" or "user" or "password" or "passfile" or "sslmode"
        or "sslrootcert" or "sslcert" or "sslkey" or "sslpassword" or "application_name" or "connect_timeout" or "options" or "target_session_attrs";

    private static SslMode ParseSslMode(string value) => value switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new FormatException("unknown sslmode"),
    };

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw Invalid("has a port that is not a number from 1 to 65535");

    private static string Decode(string text, string part)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw Invalid($"has a badly percent-encoded {part}");
        }
    }

    private static ArgumentException Invalid(string problem) => new($"{Prefix} {problem}.", "storeUri");
}
