using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

public sealed class KMeansFeatureTests
{
    // Two tight groups around (0.1, 0.1) and (10.1, 10.1); x and y have mean 5.1 and population std 5.000666622228147.
    private static DataFrame Frame() => new(
    [
        new Float64Column("x", [0, 0.1, 0.2, 10, 10.1, 10.2, double.NaN]),
        new Float64Column("y", [0, 0.1, 0.2, 10, 10.1, 10.2, 3]),
    ]);

    [Fact]
    public void Transform_TwoGroups_ClusterIdsAndStandardizedDistances()
    {
        var fitted = FeatureTransforms.KMeans(new KMeansFeatureOptions { ClusterCount = 2 }).Fit(Frame(), new(Seed: 1));

        var result = fitted.Transform(Frame());

        result.ColumnNames.ShouldBe(["x", "y", "cluster", "cluster_distance"]);
        var cluster = TransformAssert.Values(result, "cluster");
        cluster[..3].Distinct().Count().ShouldBe(1);
        cluster[3..6].Distinct().Count().ShouldBe(1);
        cluster[0].ShouldNotBe(cluster[3]);
        double.IsNaN(cluster[6]).ShouldBeTrue();

        // √2 · 0.1 / 5.000666622228147 from the group's middle row, which is its centroid.
        TransformAssert.Near(
            TransformAssert.Values(result, "cluster_distance"),
            [0.02828050076537524, 0, 0.02828050076537524, 0.02828050076537513, 0, 0.02828050076537513, double.NaN],
            1e-12);
    }

    [Fact]
    public void Fit_TooFewCompleteRows_ThrowsClearly()
    {
        var error = Should.Throw<ArgumentException>(() => FeatureTransforms.KMeans(new KMeansFeatureOptions { ClusterCount = 7 }).Fit(Frame(), new()));

        error.Message.ShouldContain("kmeans: 7 clusters need at least 7 training rows");
    }

    [Fact]
    public void Create_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var error = Should.Throw<ArgumentException>(() => FeatureTransforms.KMeans(new KMeansFeatureOptions { ClusterCount = 0, MaxIterations = 0, ClusterColumn = "d", DistanceColumn = "d" }));

        error.Message.ShouldContain("ClusterCount must be at least 1");
        error.Message.ShouldContain("MaxIterations must be at least 1");
        error.Message.ShouldContain("must differ");
    }
}
