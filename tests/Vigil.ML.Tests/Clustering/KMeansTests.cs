using Shouldly;
using Vigil.ML.Clustering;
using Vigil.ML.Tests.Svm;
using Xunit;

namespace Vigil.ML.Tests.Clustering;

public sealed class KMeansTests
{
    private static FeatureMatrix Blobs(int rows, int seed) => KernelSvmLearnerTests.ThreeBlobs(rows, seed).Features;

    [Fact]
    public void Fit_ThreeSeparatedBlobs_RecoversTheirCentres()
    {
        var model = new KMeans(new KMeansOptions { ClusterCount = 3, Seed = 1 }).Fit(Blobs(300, 2));

        var centres = Enumerable.Range(0, 3).Select(c => model.Centroid(c).ToArray()).OrderBy(c => c[0] + (10 * c[1])).ToArray();
        centres[0].ShouldBe([0, 0], 0.3);
        centres[1].ShouldBe([6, 0], 0.3);
        centres[2].ShouldBe([0, 6], 0.3);
    }

    [Fact]
    public void Predict_PointsOfOneBlob_ShareACluster()
    {
        var data = KernelSvmLearnerTests.ThreeBlobs(300, 2);
        var model = new KMeans(new KMeansOptions { ClusterCount = 3 }).Fit(data.Features);

        var clusters = model.Predict(data.Features);

        for (var label = 0; label < 3; label++)
        {
            var assigned = clusters.Where((_, i) => data.Labels[i] == label).ToArray();
            assigned.Count(c => c == assigned[0]).ShouldBeGreaterThan(assigned.Length * 95 / 100);
        }
    }

    [Fact]
    public void Fit_SameSeed_IsRepeatableAndParallelEqualsSequential()
    {
        var x = Blobs(200, 3);
        var options = new KMeansOptions { ClusterCount = 4, Seed = 9 };

        var a = new KMeans(options with { MaxDegreeOfParallelism = 1 }).Fit(x);
        var b = new KMeans(options with { MaxDegreeOfParallelism = 4 }).Fit(x);

        b.Centroids.ToArray().ShouldBe(a.Centroids.ToArray());
        b.Inertia.ShouldBe(a.Inertia);
    }

    [Fact]
    public void Fit_TwoPointsTwoClusters_GivesZeroInertia()
    {
        var model = new KMeans(new KMeansOptions { ClusterCount = 2, InitCount = 1 }).Fit(FeatureMatrix.FromRows([[0, 0], [3, 4]]));
        var distances = new double[2];

        model.Inertia.ShouldBe(0);
        model.Distances([0, 0], distances);
        distances.Order().ToArray().ShouldBe([0, 5]);
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsCentroidsAndPredictions()
    {
        var model = new KMeans(new KMeansOptions { ClusterCount = 3 }).Fit(Blobs(90, 4));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        var read = KMeansModel.Read(new BinaryReader(stream));

        read.Centroids.ToArray().ShouldBe(model.Centroids.ToArray());
        read.Inertia.ShouldBe(model.Inertia);
        read.Predict([5.5, 0.5]).ShouldBe(model.Predict([5.5, 0.5]));
    }

    [Fact]
    public void Fit_FewerRowsThanClusters_Throws()
    {
        Should.Throw<ArgumentException>(() => new KMeans(new KMeansOptions { ClusterCount = 3 }).Fit(FeatureMatrix.FromRows([[0], [1]])));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var e = Should.Throw<ArgumentException>(() => new KMeans(new KMeansOptions { ClusterCount = 0, InitCount = 0, Tolerance = -1 }));

        e.Message.ShouldContain("ClusterCount");
        e.Message.ShouldContain("InitCount");
        e.Message.ShouldContain("Tolerance");
    }
}
