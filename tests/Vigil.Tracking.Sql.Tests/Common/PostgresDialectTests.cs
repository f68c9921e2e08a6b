using Npgsql;
using Shouldly;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Search;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Common;

/// <summary>The PostgreSQL dialect's SQL and error classification; needs no server.</summary>
public sealed class PostgresDialectTests
{
    private readonly PostgresDialect _dialect = new();

    [Fact]
    public void Compile_Like_IsNativeWithEscapingDisabled()
    {
        var compiled = new SearchSqlCompiler(_dialect).Compile(SearchTarget.Runs, @"attributes.run_name LIKE 'a\%' and attributes.user_id ILIKE 'B_'", null);

        compiled.Conditions.ShouldBe(["r.run_name LIKE @f0 ESCAPE ''", "r.user_id ILIKE @f1 ESCAPE ''"]);
        compiled.Parameters.Select(p => p.Value).ShouldBe([@"a\%", "B_"]);
    }

    [Fact]
    public void Compile_OrderByParam_IsOrdinal()
    {
        var compiled = new SearchSqlCompiler(_dialect).Compile(SearchTarget.Runs, null, ["params.model DESC"]);

        compiled.OrderBy.ShouldContain("((SELECT x.value FROM params x WHERE x.run_id = r.run_id AND x.key = @f0)) COLLATE \"C\" DESC");
    }

    [Theory]
    [InlineData("40001", true)]
    [InlineData("40P01", true)]
    [InlineData("55P03", true)]
    [InlineData("23505", false)]
    [InlineData("42P01", false)]
    public void IsTransient_ClassifiesBySqlState(string sqlState, bool transient)
    {
        var error = new PostgresException("m", "ERROR", "ERROR", sqlState);

        _dialect.IsTransient(error).ShouldBe(transient);
        _dialect.IsTransient(new InvalidOperationException("wrapped", error)).ShouldBe(transient);
        _dialect.IsUniqueViolation(error).ShouldBe(sqlState == "23505");
        _dialect.IsTransient(new TimeoutException()).ShouldBeFalse();
    }
}
