using Shouldly;
using Vigil.Tracking.Runs;
using Xunit;

namespace Vigil.Tracking.Tests;

public sealed class TrackingLimitsTests
{
    [Theory]
    [InlineData("f1")]
    [InlineData("val/loss")]
    [InlineData("mlflow.runName")]
    [InlineData("my metric-2:x")]
    public void ValidateKey_Good_Passes(string key) => TrackingLimits.ValidateKey(key, "Metric");

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("a/../b")]
    [InlineData("semi;colon")]
    [InlineData("quote'")]
    public void ValidateKey_Bad_IsInvalid(string key) =>
        Should.Throw<TrackingException>(() => TrackingLimits.ValidateKey(key, "Metric")).ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);

    [Fact]
    public void ValidateKey_TooLong_NamesLimit() =>
        Should.Throw<TrackingException>(() => TrackingLimits.ValidateKey(new string('k', 251), "Param")).Message.ShouldContain("250");

    [Fact]
    public void ValidateBatch_DuplicateParamSameValue_Passes() =>
        TrackingLimits.ValidateBatch([], [new Param("a", "1"), new Param("a", "1")], []);

    [Fact]
    public void ValidateBatch_DuplicateParamDifferentValues_IsInvalid() =>
        Should.Throw<TrackingException>(() => TrackingLimits.ValidateBatch([], [new Param("a", "1"), new Param("a", "2")], [])).Message.ShouldContain("'a'");

    [Fact]
    public void ValidateBatch_ParamValueTooLong_IsInvalid() =>
        Should.Throw<TrackingException>(() => TrackingLimits.ValidateBatch([], [new Param("a", new string('x', 6001))], [])).Message.ShouldContain("6000");

    [Theory]
    [InlineData(TrackingErrorCode.ResourceDoesNotExist, "RESOURCE_DOES_NOT_EXIST", 404)]
    [InlineData(TrackingErrorCode.InvalidParameterValue, "INVALID_PARAMETER_VALUE", 400)]
    [InlineData(TrackingErrorCode.ResourceAlreadyExists, "RESOURCE_ALREADY_EXISTS", 400)]
    [InlineData(TrackingErrorCode.InvalidState, "INVALID_STATE", 400)]
    public void TrackingException_MapsToMlflowCodeAndStatus(TrackingErrorCode code, string api, int status)
    {
        var error = new TrackingException(code, "m");

        error.ApiErrorCode.ShouldBe(api);
        error.HttpStatusCode.ShouldBe(status);
    }

    [Fact]
    public void ApiNames_RoundTripEveryEnum()
    {
        foreach (var status in Enum.GetValues<RunStatus>())
        {
            ApiNames.ParseRunStatus(ApiNames.Format(status).ToLowerInvariant()).ShouldBe(status);
        }

        foreach (var stage in Enum.GetValues<Registry.ModelStage>())
        {
            ApiNames.ParseModelStage(ApiNames.Format(stage).ToUpperInvariant()).ShouldBe(stage);
        }

        ApiNames.Format(ViewType.DeletedOnly).ShouldBe("DELETED_ONLY");
        Should.Throw<TrackingException>(() => ApiNames.ParseRunStatus("DONE")).Message.ShouldContain("DONE");
    }
}
