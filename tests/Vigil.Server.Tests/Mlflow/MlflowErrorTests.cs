using System.Net;
using Shouldly;
using Vigil.Server.Errors;
using Vigil.Tracking;
using Xunit;

namespace Vigil.Server.Tests.Mlflow;

public sealed class MlflowErrorTests
{
    [Theory]
    [InlineData(TrackingErrorCode.ResourceDoesNotExist, 404, "RESOURCE_DOES_NOT_EXIST")]
    [InlineData(TrackingErrorCode.InvalidParameterValue, 400, "INVALID_PARAMETER_VALUE")]
    [InlineData(TrackingErrorCode.ResourceAlreadyExists, 400, "RESOURCE_ALREADY_EXISTS")]
    [InlineData(TrackingErrorCode.InvalidState, 400, "INVALID_STATE")]
    public void TrackingException_MapsToMlflowCodeAndStatus(TrackingErrorCode code, int status, string errorCode)
    {
        var error = ApiErrorMapping.FromException(new TrackingException(code, "msg"));

        error.StatusCode.ShouldBe(status);
        error.ErrorCode.ShouldBe(errorCode);
        error.Message.ShouldBe("msg");
    }

    [Theory]
    [InlineData("runs/create", "{\"experiment_id\": ")]
    [InlineData("experiments/create", "[1, 2]")]
    [InlineData("runs/log-batch", "{\"run_id\": \"x\", \"metrics\": 5}")]
    [InlineData("runs/log-metric", "{\"run_id\": \"x\", \"key\": \"k\", \"value\": {}, \"timestamp\": 1}")]
    [InlineData("experiments/search", "{\"max_results\": 0}")]
    [InlineData("experiments/search", "{\"view_type\": \"SOME\"}")]
    [InlineData("runs/update", "{\"run_id\": \"x\", \"status\": \"DONE\"}")]
    public async Task ClientMistakes_Are400_WithMlflowErrorBody(string endpoint, string body)
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);

        var (status, json) = await mlflow.Post(endpoint, body);

        status.ShouldBe(HttpStatusCode.BadRequest, json.ToString());
        json.Str("error_code").ShouldBeOneOf("MALFORMED_REQUEST", "INVALID_PARAMETER_VALUE");
        json.Str("message").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UnknownEndpoint_StillEndpointNotFound()
    {
        await using var host = await TestHost.StartAsync();
        var mlflow = new MlflowClient(host.Client);

        MlflowClient.ShouldBeError(await mlflow.Get("runs/nope"), HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND");
        MlflowClient.ShouldBeError(await mlflow.Get("runs/log-metric"), HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND");
    }
}
