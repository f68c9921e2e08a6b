using Shouldly;
using Vigil.Serving.Hosting;
using Vigil.Serving.Routing;
using Vigil.Tracking;
using Xunit;

namespace Vigil.Serving.Tests.Routing;

public sealed class RoutingSpecTests
{
    [Theory]
    [InlineData("--canary challenger:10", RoutingMode.Canary, "challenger", 10, "--canary challenger:10")]
    [InlineData("--canary=challenger:2.5", RoutingMode.Canary, "challenger", 2.5, "--canary challenger:2.5")]
    [InlineData("--shadow challenger", RoutingMode.Shadow, "challenger", 100, "--shadow challenger")]
    [InlineData("shadow challenger:25", RoutingMode.Shadow, "challenger", 25, "--shadow challenger:25")]
    [InlineData("--ab challenger:50", RoutingMode.AB, "challenger", 50, "--ab challenger:50")]
    [InlineData("--ab 7", RoutingMode.AB, "7", 50, "--ab 7:50")]
    [InlineData("--clear", RoutingMode.None, null, 0, "--clear")]
    public void Parse_CliSyntax_RoundTrips(string text, RoutingMode mode, string? secondary, double percent, string formatted)
    {
        var spec = RoutingSpec.Parse(text);

        spec.Mode.ShouldBe(mode);
        spec.Secondary.ShouldBe(secondary);
        spec.Percent.ShouldBe(percent);
        spec.ToString().ShouldBe(formatted);
        RoutingSpec.Parse(spec.ToString()).ShouldBe(spec);
    }

    [Fact]
    public void Parse_PrimaryOverride_IsKept()
    {
        var spec = RoutingSpec.Parse("--canary challenger:5 --primary 3");

        spec.Primary.ShouldBe("3");
        spec.ToString().ShouldBe("--canary challenger:5 --primary 3");
    }

    [Theory]
    [InlineData("--canary challenger", "percent")]
    [InlineData("--canary challenger:abc", "not a number")]
    [InlineData("--canary challenger:150", "between 0 and 100")]
    [InlineData("--ab", "needs a target")]
    [InlineData("--sideways x", "not a routing mode")]
    [InlineData("--clear x", "no argument")]
    [InlineData("--canary champion:10 --primary champion", "differ")]
    [InlineData("", "empty")]
    public void Parse_Invalid_SaysWhy(string text, string reason) =>
        Should.Throw<FormatException>(() => RoutingSpec.Parse(text)).Message.ShouldContain(reason);

    [Fact]
    public void Constructor_Invalid_ThrowsNamingTheValue()
    {
        Should.Throw<ArgumentException>(() => new RoutingSpec(RoutingMode.Canary)).ParamName.ShouldBe("secondary");
        Should.Throw<ArgumentException>(() => new RoutingSpec(RoutingMode.None, "challenger")).ParamName.ShouldBe("secondary");
        Should.Throw<ArgumentException>(() => RoutingSpec.Canary("challenger", -1)).ParamName.ShouldBe("percent");
        Should.Throw<ArgumentException>(() => RoutingSpec.AB("a@b")).ParamName.ShouldBe("secondary");
        Should.Throw<ArgumentException>(() => RoutingSpec.AB("0")).Message.ShouldContain("positive version");
    }

    [Fact]
    public void Json_IsSnakeCaseAndRoundTrips()
    {
        var spec = new RoutingSpec(RoutingMode.AB, "challenger", 30, "champion");

        spec.ToJson().ShouldBe("""{"mode":"ab","primary":"champion","secondary":"challenger","percent":30}""");
        RoutingSpec.FromJson(spec.ToJson()).ShouldBe(spec);
        RoutingSpec.FromJson("""{"mode":"none","percent":0,"future_field":1}""").ShouldBe(RoutingSpec.None);
        Should.Throw<FormatException>(() => RoutingSpec.FromJson("""{"mode":"canary","secondary":"x","percent":"ten"}""")).Message.ShouldContain("percent");
        Should.Throw<FormatException>(() => RoutingSpec.FromJson("not json"));
    }

    [Fact]
    public async Task Store_SetGetClear_RoundTripsThroughTheTag()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("pdm", alias: "challenger");
        var store = new RoutingStore(kit.Registry);

        (await store.GetAsync("pdm", ServingTestKit.Token)).ShouldBe(RoutingSpec.None);
        await store.SetAsync("pdm", RoutingSpec.Parse("--canary challenger:10"), cancellationToken: ServingTestKit.Token);

        (await store.GetAsync("pdm", ServingTestKit.Token)).ShouldBe(RoutingSpec.Canary("challenger", 10));
        (await kit.Registry.GetRegisteredModelAsync("pdm", ServingTestKit.Token)).Tags[RoutingStore.Tag]
            .ShouldBe("""{"mode":"canary","secondary":"challenger","percent":10}""");

        await store.ClearAsync("pdm", cancellationToken: ServingTestKit.Token);
        await store.ClearAsync("pdm", cancellationToken: ServingTestKit.Token);
        (await store.GetAsync("pdm", ServingTestKit.Token)).ShouldBe(RoutingSpec.None);
    }

    [Fact]
    public async Task Store_UnknownTarget_FailsNamingIt()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        var store = new RoutingStore(kit.Registry);

        var alias = await Should.ThrowAsync<TrackingException>(() => store.SetAsync("pdm", RoutingSpec.Shadow("challenger"), cancellationToken: ServingTestKit.Token));
        var version = await Should.ThrowAsync<TrackingException>(() => store.SetAsync("pdm", RoutingSpec.AB("9"), cancellationToken: ServingTestKit.Token));

        alias.Message.ShouldContain("no alias 'challenger'");
        version.Message.ShouldContain("no version 9");
    }

    [Fact]
    public async Task Store_InvalidTag_IsAServingErrorNamingTheModel()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.Registry.SetRegisteredModelTagAsync("pdm", RoutingStore.Tag, "{", cancellationToken: ServingTestKit.Token);

        var error = await Should.ThrowAsync<ServingException>(() => new RoutingStore(kit.Registry).GetAsync("pdm", ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.InvalidConfiguration);
        error.Message.ShouldContain("'pdm'");
    }
}
