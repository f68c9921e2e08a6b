using Shouldly;
using Xunit;

namespace Vigil.Tracking.Sql.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void Parse_SqliteThreeSlashesAbsolute_SelectsThatFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "vigil", "vigil.db");

        StoreLocation.Parse("sqlite:///" + path).ShouldBe(new StoreLocation(StoreBackend.Sqlite, path));
    }

    [Theory]
    [InlineData("sqlite:///data/vigil.db")]
    [InlineData("sqlite:data/vigil.db")]
    [InlineData("SQLITE:data/vigil.db")]
    [InlineData("data/vigil.db")]
    public void Parse_RelativeSqliteForms_ResolveAgainstCurrentDirectory(string uri) =>
        StoreLocation.Parse(uri).ShouldBe(new StoreLocation(StoreBackend.Sqlite, Path.GetFullPath("data/vigil.db")));

    [Fact]
    public void Parse_PlainAbsolutePath_SelectsSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "x.db");

        StoreLocation.Parse(path).Backend.ShouldBe(StoreBackend.Sqlite);
    }

    [Theory]
    [InlineData("postgresql://user:secret@db:5432/vigil")]
    [InlineData("postgres://db/vigil")]
    public void Parse_PostgresUri_SelectsPostgreSql(string uri) =>
        StoreLocation.Parse(uri).Backend.ShouldBe(StoreBackend.PostgreSql);

    [Fact]
    public void Parse_UnknownScheme_ThrowsNamingSchemeButNotCredentials()
    {
        var error = Should.Throw<ArgumentException>(() => StoreLocation.Parse("mysql://root:hunter2@db/vigil"));

        error.Message.ShouldContain("'mysql'");
        error.Message.ShouldNotContain("hunter2");
    }

    [Theory]
    [InlineData("sqlite://host/vigil.db")]
    [InlineData("sqlite:///")]
    [InlineData("sqlite:///:memory:")]
    [InlineData("sqlite:///vigil.db?mode=ro")]
    public void Parse_UnusableSqliteUri_ThrowsArgumentException(string uri) =>
        Should.Throw<ArgumentException>(() => StoreLocation.Parse(uri)).Message.ShouldContain(uri);
}
