using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Bench.Serving;

/// <summary>The ceiling of the machine: a Kestrel minimal API that reads the request body and answers a constant prediction.</summary>
internal static class TrivialKestrel
{
    private static readonly byte[] Answer = """{"predictions":[{"p_fail":0.01,"label":0}],"model":"trivial"}"""u8.ToArray();

    public static int Run(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text("{\"status\":\"ok\"}", "application/json"));
        app.MapPost("/predict", async (HttpContext context) =>
        {
            var buffer = new byte[16 * 1024];
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false) > 0)
            {
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Answer, context.RequestAborted).ConfigureAwait(false);
        });
        app.Run();
        return 0;
    }
}
