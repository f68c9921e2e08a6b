using Shouldly;
using Vigil.ML.Anomaly;
using Vigil.ML.Tests.Svm;
using Xunit;

namespace Vigil.ML.Tests.Anomaly;

public sealed class IsolationForestTests
{
    /// <summary>500 standard-normal points in 3-D plus, when asked, an outlier at (8, 8, 8) as the last row.</summary>
    private static FeatureMatrix Cloud(int seed, bool outlier)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 500).Select(_ => new[] { KernelSvmLearnerTests.Gaussian(random), KernelSvmLearnerTests.Gaussian(random), KernelSvmLearnerTests.Gaussian(random) }).ToList();
        if (outlier)
        {
            rows.Add([8, 8, 8]);
        }

        return FeatureMatrix.FromRows(rows);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(3, 1.207392357589623)]
    [InlineData(10, 3.748880484475504)]
    [InlineData(256, 10.244770920119917)]
    public void AveragePathLength_KnownSizes_MatchesScikitLearn(int n, double expected)
    {
        // scikit-learn 1.2.1 sklearn.ensemble._iforest._average_path_length([1, 2, 3, 10, 256]).
        IsolationForest.AveragePathLength(n).ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Score_FarOutlier_ScoresFarAboveInliers()
    {
        var x = Cloud(1, outlier: true);
        var model = new IsolationForest().Fit(x);

        var scores = model.Score(x);

        var inlierMedian = scores[..^1].Order().ElementAt(250);
        scores[^1].ShouldBeGreaterThan(0.7);
        inlierMedian.ShouldBeLessThan(0.5);
        model.IsAnomaly([8, 8, 8]).ShouldBeTrue();
        model.IsAnomaly([0, 0, 0]).ShouldBeFalse();
    }

    [Fact]
    public void Fit_AnyParallelism_IsIdenticalBitForBit()
    {
        var x = Cloud(2, outlier: false);

        var one = new IsolationForest(new IsolationForestOptions { Seed = 5, MaxDegreeOfParallelism = 1 }).Fit(x).Score(x);
        var many = new IsolationForest(new IsolationForestOptions { Seed = 5, MaxDegreeOfParallelism = 4 }).Fit(x).Score(x);
        var other = new IsolationForest(new IsolationForestOptions { Seed = 6 }).Fit(x).Score(x);

        many.ShouldBe(one);
        other.SequenceEqual(one).ShouldBeFalse();
    }

    [Fact]
    public void Fit_Contamination_FlagsThatShareOfTrainingRows()
    {
        var x = Cloud(3, outlier: false);
        var model = new IsolationForest(new IsolationForestOptions { Contamination = 0.1 }).Fit(x);

        var flagged = Enumerable.Range(0, x.RowCount).Count(i => model.IsAnomaly(x.Row(i)));

        flagged.ShouldBeInRange(48, 52);
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsScores()
    {
        var x = Cloud(4, outlier: true);
        var model = new IsolationForest(new IsolationForestOptions { TreeCount = 20, Contamination = 0.05 }).Fit(x);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        var read = IsolationForestModel.Read(new BinaryReader(stream));

        read.Score(x).ShouldBe(model.Score(x));
        read.Threshold.ShouldBe(model.Threshold);
    }

    [Fact]
    public void Fit_NaN_IsRejected()
    {
        Should.Throw<ArgumentException>(() => new IsolationForest().Fit(FeatureMatrix.FromRows([[1], [double.NaN]]))).Message.ShouldContain("NaN");
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var e = Should.Throw<ArgumentException>(() => new IsolationForest(new IsolationForestOptions { TreeCount = 0, MaxSamples = 1, Contamination = 0.7 }));

        e.Message.ShouldContain("TreeCount");
        e.Message.ShouldContain("MaxSamples");
        e.Message.ShouldContain("Contamination");
    }
}
