using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.Serving.Hosting;
using Vigil.Serving.Routing;
using Xunit;

namespace Vigil.Serving.Tests.Routing;

public sealed class RouterTests
{
    private static readonly IServedModel Champion = new StubModel(1);
    private static readonly IServedModel Challenger = new StubModel(2);

    private static ModelEndpoint Endpoint(RoutingSpec routing) =>
        new("pdm", ModelReference.Parse("pdm"), Champion, routing.Mode == RoutingMode.None ? null : Challenger, routing, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Route_NoRouting_AlwaysPrimary()
    {
        var decision = new Router(1).Route(Endpoint(RoutingSpec.None));

        decision.ShouldBe(new RouteDecision(Champion, Router.PrimaryVariant, null));
    }

    [Fact]
    public void Route_Canary_SendsAboutThePercentOverTenThousandDraws()
    {
        var router = new Router(42);
        var endpoint = Endpoint(RoutingSpec.Canary("challenger", 10));

        var decisions = Enumerable.Range(0, 10_000).Select(_ => router.Route(endpoint)).ToList();
        var canary = decisions.Count(d => d.Variant == Router.CanaryVariant);

        canary.ShouldBeInRange(900, 1100);
        decisions.Where(d => d.Variant == Router.CanaryVariant).ShouldAllBe(d => d.Answer == Challenger);
        decisions.Where(d => d.Variant == Router.PrimaryVariant).ShouldAllBe(d => d.Answer == Champion);
        decisions.ShouldAllBe(d => d.Shadow == null);
    }

    [Fact]
    public void Route_Canary_IsDeterministicForASeed()
    {
        var endpoint = Endpoint(RoutingSpec.Canary("challenger", 30));
        string[] Run(ulong seed)
        {
            var router = new Router(seed);
            return [.. Enumerable.Range(0, 200).Select(_ => router.Route(endpoint).Variant)];
        }

        Run(7).ShouldBe(Run(7));
        Run(7).ShouldNotBe(Run(8));
    }

    [Fact]
    public void Route_CanaryWithKey_KeepsOneCallerOnOneSide()
    {
        var router = new Router(3);
        var endpoint = Endpoint(RoutingSpec.Canary("challenger", 50));

        foreach (var key in Enumerable.Range(0, 50).Select(i => $"machine-{i}"))
        {
            var first = router.Route(endpoint, key).Variant;
            Enumerable.Range(0, 5).Select(_ => router.Route(endpoint, key).Variant).ShouldAllBe(v => v == first);
        }
    }

    [Fact]
    public void Route_AB_IsStickyByKeyAcrossRoutersWithTheSameSeed()
    {
        var endpoint = Endpoint(RoutingSpec.AB("challenger", 50));
        var keys = Enumerable.Range(0, 2000).Select(i => $"user-{i}").ToList();

        var first = keys.Select(k => new Router(11).Route(endpoint, k).Variant).ToList();
        var again = keys.Select(k => new Router(11).Route(endpoint, k).Variant).ToList();

        again.ShouldBe(first);
        first.ShouldAllBe(v => v == Router.VariantA || v == Router.VariantB);
        first.Count(v => v == Router.VariantB).ShouldBeInRange(900, 1100);
        new Router(11).Route(endpoint, "user-1").Answer.ShouldBe(first[1] == Router.VariantB ? Challenger : Champion);
    }

    [Fact]
    public void Route_ABWithoutKey_Draws()
    {
        var router = new Router(5);
        var endpoint = Endpoint(RoutingSpec.AB("challenger", 20));

        var b = Enumerable.Range(0, 10_000).Count(_ => router.Route(endpoint).Variant == Router.VariantB);

        b.ShouldBeInRange(1800, 2200);
    }

    [Fact]
    public void Route_Shadow_AnswersWithPrimaryAndMirrorsToSecondary()
    {
        var decision = new Router(1).Route(Endpoint(RoutingSpec.Shadow("challenger")), "k");

        decision.Answer.ShouldBe(Champion);
        decision.Variant.ShouldBe(Router.PrimaryVariant);
        decision.Shadow.ShouldBe(Challenger);
        decision.ShadowVariant.ShouldBe(Router.ShadowVariant);
    }

    [Fact]
    public void Route_PartialShadow_MirrorsAboutThePercent()
    {
        var router = new Router(9);
        var endpoint = Endpoint(RoutingSpec.Shadow("challenger", 25));

        var mirrored = Enumerable.Range(0, 10_000).Count(_ => router.Route(endpoint).Shadow is not null);

        mirrored.ShouldBeInRange(2300, 2700);
    }

    [Fact]
    public void Fnv1a_MatchesTheReferenceVectors()
    {
        Router.Fnv1a(string.Empty).ShouldBe(0xCBF29CE484222325UL);
        Router.Fnv1a("a").ShouldBe(0xAF63DC4C8601EC8CUL);
        Router.Fnv1a("foobar").ShouldBe(0x85944171F73967E8UL);
    }

    [Fact]
    public async Task RouteAsync_ThroughTheHost_UsesTheLiveEndpoint()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("pdm", alias: "challenger");
        await new RoutingStore(kit.Registry).SetAsync("pdm", RoutingSpec.Shadow("challenger"), cancellationToken: ServingTestKit.Token);
        using var host = kit.Host(["pdm"]);
        await host.StartAsync(ServingTestKit.Token);
        var router = new Router(host, 1);

        var decision = await router.RouteAsync("pdm", null, ServingTestKit.Token);

        decision.Answer.Identity.Version.ShouldBe(1);
        decision.Shadow!.Identity.Version.ShouldBe(2);
        router.Route("pdm").Shadow.ShouldNotBeNull();
        Should.Throw<ServingException>(() => router.Route("other")).ErrorCode.ShouldBe(ServingErrorCode.NotReady);
    }

    private sealed class StubModel(int version) : IServedModel
    {
        public ModelIdentity Identity { get; } = new("pdm", version, $"stub:{version}");

        public ModelTask Task => ModelTask.Classification;

        public string Kind => "classifier";

        public FrameSchema InputSchema { get; } = new([]);

        public ScoreResult Score(DataFrame records, CancellationToken cancellationToken = default) => new(0, [], null, [], []);
    }
}
