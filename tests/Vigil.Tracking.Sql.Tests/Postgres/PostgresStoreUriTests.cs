using Npgsql;
using Shouldly;
using Vigil.Tracking.Sql.Postgres;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Postgres;

public sealed class PostgresStoreUriTests
{
    [Fact]
    public void Parse_FullUri_FillsEveryPart()
    {
        var builder = PostgresStoreUri.Parse("postgresql://vigil:s3cret@db.example:6543/tracking?sslmode=require&application_name=vigil-ci&connect_timeout=7");

        builder.Username.ShouldBe("vigil");
        builder.Password.ShouldBe("s3cret");
        builder.Host.ShouldBe("db.example");
        builder.Port.ShouldBe(6543);
        builder.Database.ShouldBe("tracking");
        builder.SslMode.ShouldBe(SslMode.Require);
        builder.ApplicationName.ShouldBe("vigil-ci");
        builder.Timeout.ShouldBe(7);
    }

    [Fact]
    public void Parse_PostgresSchemeNoCredentialsNoPort_UsesDefaults()
    {
        var builder = PostgresStoreUri.Parse("POSTGRES://db/vigil");

        builder.Host.ShouldBe("db");
        builder.Port.ShouldBe(5432);
        builder.Username.ShouldBeNull();
        builder.Password.ShouldBeNull();
        builder.Database.ShouldBe("vigil");
    }

    [Fact]
    public void Parse_PercentEncodedParts_AreDecoded()
    {
        var builder = PostgresStoreUri.Parse("postgresql://us%40er:p%40ss%3Aw%2Fo%23rd@db/my%20db");

        builder.Username.ShouldBe("us@er");
        builder.Password.ShouldBe("p@ss:w/o#rd");
        builder.Database.ShouldBe("my db");
    }

    [Theory]
    [InlineData("postgresql://%2Fvar%2Frun%2Fpostgresql/vigil")]
    [InlineData("postgresql:///vigil?host=/var/run/postgresql")]
    public void Parse_SocketFolderHost_SelectsUnixSocket(string uri) =>
        PostgresStoreUri.Parse(uri).Host.ShouldBe("/var/run/postgresql");

    [Fact]
    public void Parse_BracketedIpv6_SetsHostAndPort()
    {
        var builder = PostgresStoreUri.Parse("postgresql://[::1]:6000/vigil");

        builder.Host.ShouldBe("::1");
        builder.Port.ShouldBe(6000);
    }

    [Fact]
    public void Parse_HostList_UsesNpgsqlMultiHostForm() =>
        PostgresStoreUri.Parse("postgresql://a:5433,b/vigil?target_session_attrs=primary").Host.ShouldBe("a:5433,b:5432");

    [Fact]
    public void Parse_QueryParametersOverrideAndNpgsqlKeywords_Apply()
    {
        var builder = PostgresStoreUri.Parse("postgresql://db/x?dbname=vigil&user=u&port=7000&Search%20Path=tracking&Maximum%20Pool%20Size=5");

        builder.Database.ShouldBe("vigil");
        builder.Username.ShouldBe("u");
        builder.Port.ShouldBe(7000);
        builder.SearchPath.ShouldBe("tracking");
        builder.MaxPoolSize.ShouldBe(5);
    }

    [Theory]
    [InlineData("postgresql://vigil:hunter2@db:notaport/vigil", "port")]
    [InlineData("postgresql://vigil:hunter2@db:0/vigil", "port")]
    [InlineData("postgresql://vigil:hunter2@db/vigil?sslmode=hunter2", "'sslmode'")]
    [InlineData("postgresql://vigil:hunter2@db/vigil?connect_timeout=hunter2", "'connect_timeout'")]
    [InlineData("postgresql://vigil:hunter2@db/vigil?bogus=1", "unknown parameter 'bogus'")]
    [InlineData("postgresql://vigil:hunter2@db/vigil?hunter2", "name=value")]
    [InlineData("postgresql://vigil:hunter2@db/vigil?hunter2!=1", "unknown parameter")]
    [InlineData("postgresql://vigil:hunter2@/vigil", "no host")]
    [InlineData("postgresql://vigil:hunter2@[::1/vigil", "IPv6")]
    [InlineData("postgresql://vigil:hunt#er2@db/vigil", "fragment")]
    [InlineData("postgresql://vigil:hunter2@a,,b/vigil", "empty host")]
    [InlineData("mysql://vigil:hunter2@db/vigil", "postgresql://")]
    public void Parse_BadUri_ThrowsNamingTheProblemButNeverTheSecret(string uri, string expected)
    {
        var error = Should.Throw<ArgumentException>(() => PostgresStoreUri.Parse(uri));

        error.Message.ShouldContain(expected);
        error.ToString().ShouldNotContain("hunter2");
        error.ToString().ShouldNotContain("hunt#er2");
    }

    [Theory]
    [InlineData("postgresql://vigil:hunter2@db:6543/tracking?sslmode=require", "postgresql://vigil:***@db:6543/tracking")]
    [InlineData("postgresql://vigil@db/tracking", "postgresql://vigil@db:5432/tracking")]
    [InlineData("postgresql://db/tracking?password=hunter2", "postgresql://:***@db:5432/tracking")]
    [InlineData("postgresql://[::1]/tracking", "postgresql://[::1]:5432/tracking")]
    [InlineData("postgresql:///tracking?host=/run/pg", "postgresql://%2Frun%2Fpg:5432/tracking")]
    public void Redact_MasksPasswordAndDropsParameters(string uri, string expected) =>
        PostgresStoreUri.Redact(PostgresStoreUri.Parse(uri)).ShouldBe(expected);
}
