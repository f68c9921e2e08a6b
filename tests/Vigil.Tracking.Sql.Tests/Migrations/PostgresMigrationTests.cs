using Shouldly;
using Vigil.Tracking.Sql.Migrations;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Migrations;

/// <summary>Loading and numbering of the embedded PostgreSQL migrations; needs no server.</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public void LoadEmbedded_Always_MatchesTheSqliteMigrationsNameForName()
    {
        var postgresMigrations = PostgresMigration.LoadEmbedded();

        postgresMigrations[0].ShouldBe(postgresMigrations[0] with { Version = 1, Name = "datasets" });
        postgresMigrations.Select(m => $"{m.Version}:{m.Name}").ShouldBe(SqliteMigration.LoadEmbedded().Select(m => $"{m.Version}:{m.Name}"));
        postgresMigrations.ShouldAllBe(m => m.Sql.Length > 0);
    }

    [Theory]
    [InlineData("1_x.sql")]
    [InlineData("0001-x.sql")]
    [InlineData("0001_X.sql")]
    [InlineData("0001_x.txt")]
    public void Parse_BadFileName_Throws(string fileName) =>
        Should.Throw<InvalidOperationException>(() => PostgresMigration.Parse(fileName, "SELECT 1;")).Message.ShouldContain(fileName);

    [Fact]
    public void Sequence_GapOrDuplicate_Throws()
    {
        Should.Throw<InvalidOperationException>(() => PostgresMigration.Sequence([Migration(1, "a", ""), Migration(3, "c", "")]));
        Should.Throw<InvalidOperationException>(() => PostgresMigration.Sequence([Migration(1, "a", ""), Migration(1, "b", "")]));
    }

    private static PostgresMigration Migration(int version, string name, string sql) => new(version, name, sql);
}
