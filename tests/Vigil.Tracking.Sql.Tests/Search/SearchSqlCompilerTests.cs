using Shouldly;
using Vigil.Tracking.Sql.Common;
using Vigil.Tracking.Sql.Search;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Search;

public sealed class SearchSqlCompilerTests
{
    private readonly SearchSqlCompiler _compiler = new(new SqliteDialect());

    [Fact]
    public void Compile_ValuesAndKeys_AreBoundAsParametersNeverInlined()
    {
        var compiled = _compiler.Compile(SearchTarget.Runs, "params.`x'; DROP TABLE runs; --` = 'y''; DELETE FROM runs; --' and metrics.f1 > 0.5", null);

        var sql = string.Join(" ", compiled.Conditions) + compiled.OrderBy;
        sql.ShouldNotContain("DROP");
        sql.ShouldNotContain("DELETE");
        compiled.Parameters.Select(p => p.Value).ShouldBe(["x'; DROP TABLE runs; --", "y'; DELETE FROM runs; --", "f1", 0.5]);
    }

    [Fact]
    public void Compile_CaseSensitiveLike_UsesGlobWithTranslatedPattern()
    {
        var compiled = _compiler.Compile(SearchTarget.Runs, "attributes.run_name LIKE 'a%b_c*[d?'", null);

        compiled.Conditions.Single().ShouldBe("r.run_name GLOB @f0");
        compiled.Parameters.Single().Value.ShouldBe("a*b?c[*][[]d[?]");
    }

    [Fact]
    public void Compile_NoOrderBy_UsesDefaultThenTieBreak()
    {
        _compiler.Compile(SearchTarget.Runs, null, null).OrderBy.ShouldBe("r.start_time DESC, r.run_id ASC");
        _compiler.Compile(SearchTarget.ModelVersions, null, null).OrderBy.ShouldBe("v.name ASC, v.version DESC, v.name ASC, v.version DESC");
    }

    [Fact]
    public void Compile_MetricOrder_PutsMissingLastThenDirection()
    {
        var order = _compiler.Compile(SearchTarget.Runs, null, ["metrics.f1 DESC"]).OrderBy;

        order.ShouldStartWith("CASE WHEN (SELECT x.value FROM latest_metrics x");
        order.ShouldContain(") DESC, r.run_id ASC");
    }

    [Theory]
    [InlineData("params.a = 'b'")]
    [InlineData("metrics.a > 1")]
    [InlineData("datasets.name = 'd'")]
    public void Compile_RunDataInModelVersionSearch_IsInvalid(string filter) =>
        Should.Throw<TrackingException>(() => _compiler.Compile(SearchTarget.ModelVersions, filter, null)).ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);

    [Fact]
    public void Compile_UnknownOrderAttribute_NamesTheChoices() =>
        Should.Throw<TrackingException>(() => _compiler.Compile(SearchTarget.Experiments, null, ["attributes.colour"])).Message.ShouldContain("creation_time");
}
