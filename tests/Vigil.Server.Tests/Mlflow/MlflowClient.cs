using System.Net;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Vigil.Server.Tests.Mlflow;

/// <summary>Sends MLflow requests as MLflow's clients do (GET with a query string, others with a JSON body) and reads the answers.</summary>
internal sealed class MlflowClient(HttpClient http)
{
    public const string Api = "/api/2.0/mlflow/";

    public HttpClient Http { get; } = http;

    public Task<(HttpStatusCode Status, JsonElement Body)> Post(string endpoint, string json) => Send(HttpMethod.Post, endpoint, json);

    public Task<(HttpStatusCode Status, JsonElement Body)> Patch(string endpoint, string json) => Send(HttpMethod.Patch, endpoint, json);

    public Task<(HttpStatusCode Status, JsonElement Body)> Delete(string endpoint, string json) => Send(HttpMethod.Delete, endpoint, json);

    public Task<(HttpStatusCode Status, JsonElement Body)> Get(string endpointWithQuery) => Send(HttpMethod.Get, endpointWithQuery, null);

    /// <summary>A POST/PATCH/DELETE/GET that must succeed with 200; returns the body.</summary>
    public async Task<JsonElement> Ok(string method, string endpoint, string? json = null)
    {
        var (status, body) = await Send(new HttpMethod(method), endpoint, json);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Asserts an MLflow error answer and returns its message.</summary>
    public static string ShouldBeError((HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, string errorCode)
    {
        answer.Status.ShouldBe(status, answer.Body.ToString());
        answer.Body.GetProperty("error_code").GetString().ShouldBe(errorCode);
        var message = answer.Body.GetProperty("message").GetString();
        message.ShouldNotBeNullOrWhiteSpace();
        return message!;
    }

    public async Task<string> CreateExperiment(string name) =>
        (await Ok("POST", "experiments/create", $$"""{"name": "{{name}}"}""")).GetProperty("experiment_id").GetString()!;

    public async Task<string> CreateRun(string experimentId, string extra = "") =>
        (await Ok("POST", "runs/create", $$"""{"experiment_id": "{{experimentId}}", "start_time": 1700000000000{{extra}}}"""))
            .GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;

    private async Task<(HttpStatusCode, JsonElement)> Send(HttpMethod method, string endpoint, string? json)
    {
        var path = endpoint.StartsWith('/') ? endpoint : Api + endpoint;
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.JsonAsync());
    }
}
