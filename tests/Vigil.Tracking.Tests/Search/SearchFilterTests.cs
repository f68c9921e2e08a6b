using Shouldly;
using Vigil.Tracking.Search;
using Xunit;

namespace Vigil.Tracking.Tests.Search;

public sealed class SearchFilterTests
{
    [Fact]
    public void Parse_IssueExample_YieldsThreeTerms()
    {
        var terms = SearchFilter.Parse("metrics.f1 > 0.8 and params.model = 'rf' and tags.team = 'x'");

        terms.Count.ShouldBe(3);
        terms[0].ShouldBe(new FilterComparison(new FilterField(FilterEntity.Metric, "f1"), FilterOperator.Greater, null, 0.8, null, 0));
        terms[1].Field.ShouldBe(new FilterField(FilterEntity.Param, "model"));
        terms[1].Text.ShouldBe("rf");
        terms[2].Field.ShouldBe(new FilterField(FilterEntity.Tag, "team"));
    }

    [Theory]
    [InlineData("attributes.status = 'FINISHED'", FilterEntity.Attribute, "status", FilterOperator.Equal)]
    [InlineData("status != 'FAILED'", FilterEntity.Attribute, "status", FilterOperator.NotEqual)]
    [InlineData("attribute.run_name LIKE '%x%'", FilterEntity.Attribute, "run_name", FilterOperator.Like)]
    [InlineData("run.run_name ILIKE '%X%'", FilterEntity.Attribute, "run_name", FilterOperator.ILike)]
    [InlineData("metrics.`my metric` <= 3", FilterEntity.Metric, "my metric", FilterOperator.LessOrEqual)]
    [InlineData("metric.\"val-loss\" >= -1.5e-3", FilterEntity.Metric, "val-loss", FilterOperator.GreaterOrEqual)]
    [InlineData("tags.mlflow.runName = 'a'", FilterEntity.Tag, "mlflow.runName", FilterOperator.Equal)]
    [InlineData("parameters.lr <> '0.1'", FilterEntity.Param, "lr", FilterOperator.NotEqual)]
    [InlineData("datasets.digest == 'abc'", FilterEntity.Dataset, "digest", FilterOperator.Equal)]
    [InlineData("metrics.acc < .5", FilterEntity.Metric, "acc", FilterOperator.Less)]
    public void Parse_SingleTerm_RecognizesFieldAndOperator(string filter, FilterEntity entity, string key, FilterOperator op)
    {
        var term = SearchFilter.Parse(filter).ShouldHaveSingleItem();

        term.Field.ShouldBe(new FilterField(entity, key));
        term.Operator.ShouldBe(op);
    }

    [Fact]
    public void Parse_InAndNotIn_CollectStrings()
    {
        var terms = SearchFilter.Parse("params.model IN ('rf', \"gbm\") AND attributes.run_id NOT IN ('a')");

        terms[0].Operator.ShouldBe(FilterOperator.In);
        terms[0].List.ShouldBe(["rf", "gbm"]);
        terms[1].Operator.ShouldBe(FilterOperator.NotIn);
        terms[1].List.ShouldBe(["a"]);
    }

    [Fact]
    public void Parse_DoubledQuote_EscapesIt()
    {
        SearchFilter.Parse("tags.note = 'it''s'").Single().Text.ShouldBe("it's");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_YieldsNoTerms(string? filter) => SearchFilter.Parse(filter).ShouldBeEmpty();

    [Theory]
    [InlineData("metrics.f1 > 0.8 or params.a = 'b'", "position 17", "OR")]
    [InlineData("metrics.f1 = 'high'", "position 0", "number")]
    [InlineData("params.model > 'a'", "position 0", "quoted string")]
    [InlineData("params.model = 5", "position 0", "quoted string")]
    [InlineData("metrics.f1 >", "position 12", "end of input")]
    [InlineData("metrics.f1 0.5", "position 11", "'0.5'")]
    [InlineData("foo.bar = 'x'", "position 0", "'foo'")]
    [InlineData("tags.x = 'open", "position 9", "unterminated")]
    [InlineData("metrics. = 1", "position 0", "missing key")]
    [InlineData("params.a IN 'x'", "position 12", "'('")]
    [InlineData("params.a IN ('x' 'y')", "position 17", "')'")]
    [InlineData("metrics.a > 1 and", "position 17", "expected a key")]
    [InlineData("metrics.a ~ 1", "position 10", "'~'")]
    [InlineData("attributes.run_name LIKE 3", "position 0", "LIKE")]
    public void Parse_Malformed_ThrowsInvalidParameterValueNamingPositionAndToken(string filter, string position, string token)
    {
        var error = Should.Throw<TrackingException>(() => SearchFilter.Parse(filter));

        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        error.Message.ShouldContain(position);
        error.Message.ShouldContain(token);
    }

    [Theory]
    [InlineData("metrics.f1 DESC", FilterEntity.Metric, "f1", false)]
    [InlineData("attributes.start_time ASC", FilterEntity.Attribute, "start_time", true)]
    [InlineData("params.`learning rate`", FilterEntity.Param, "learning rate", true)]
    [InlineData("name desc", FilterEntity.Attribute, "name", false)]
    public void ParseOrderBy_Clause_YieldsFieldAndDirection(string clause, FilterEntity entity, string key, bool ascending) =>
        SearchFilter.ParseOrderBy(clause).ShouldBe(new OrderByTerm(new FilterField(entity, key), ascending));

    [Theory]
    [InlineData("")]
    [InlineData("metrics.f1 DOWN")]
    [InlineData("metrics.f1 DESC ASC")]
    [InlineData("'text'")]
    public void ParseOrderBy_Malformed_IsInvalid(string clause) =>
        Should.Throw<TrackingException>(() => SearchFilter.ParseOrderBy(clause)).ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
}
