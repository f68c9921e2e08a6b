using Shouldly;
using Vigil.ML.Svm;
using Xunit;

namespace Vigil.ML.Tests.Svm;

public sealed class KernelSvmLearnerTests
{
    private static KernelSvmOptions Exact => new() { Standardize = false, Tolerance = 1e-8 };

    [Fact]
    public void Fit_LinearKernelSeparableSquare_FindsMaximumMarginHyperplane()
    {
        // Class 0 at x₀ = 0, class 1 at x₀ = 2: the maximum-margin boundary is x₀ = 1 with w = (1, 0), b = −1,
        // so f(x) = x₀ − 1 (scikit-learn's SVC(kernel="linear", C=1000) prints coef_ [[1, 0]], intercept_ [-1]).
        var set = new ClassificationSet(FeatureMatrix.FromRows([[0, 0], [0, 1], [2, 0], [2, 1]]), [0, 0, 1, 1], 2);
        var model = new KernelSvmLearner(Exact with { Kernel = KernelType.Linear, C = 1000 }).Fit(set);
        var f = new double[1];

        foreach (var (x, expected) in new (double[], double)[] { ([1, 5], 0), ([3, 0], 2), ([0, 0], -1), ([2, 1], 1) })
        {
            model.DecisionFunction(x, f);
            f[0].ShouldBe(expected, 1e-6);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_RbfTenPoints_MatchesScikitLearnDecisionValues(bool shrinking)
    {
        // scikit-learn 1.2.1: SVC(C=1, kernel="rbf", gamma=0.5, tol=1e-8).fit(X, y).decision_function(
        // [[0.5,0.5],[2,1],[1,2]]) printed [0.141014951954, 1.293618332386, -0.228351357575]; intercept_ -0.067837903891.
        var set = new ClassificationSet(
            FeatureMatrix.FromRows([[0, 0], [1, 1], [2, 0], [0, 2], [1, 0], [2, 2], [0.5, 1.5], [1.5, 0.5], [3, 1], [1, 3]]),
            [0, 1, 0, 0, 1, 1, 0, 1, 1, 0], 2);
        var model = new KernelSvmLearner(Exact with { Gamma = 0.5, Shrinking = shrinking }).Fit(set);
        var f = new double[1];

        model.SupportVectorCount.ShouldBe(10);
        foreach (var (x, expected) in new (double[], double)[] { ([0.5, 0.5], 0.141014951954), ([2, 1], 1.293618332386), ([1, 2], -0.228351357575) })
        {
            model.DecisionFunction(x, f);
            f[0].ShouldBe(expected, 1e-6);
        }
    }

    [Fact]
    public void Fit_GammaScale_IsOneOverFeaturesTimesVariance()
    {
        // Standardized columns have variance 1 each, so the variance of all values is 1 and γ = 1 / 2.
        var data = LinearData(200, 3);

        new KernelSvmLearner().Fit(data).Gamma.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void PredictProba_AlongTheDecisionValue_IsMonotone()
    {
        var model = new KernelSvmLearner(new KernelSvmOptions { Kernel = KernelType.Linear }).Fit(LinearData(300, 5));
        var (f, p) = (new double[1], new double[2]);
        var points = Enumerable.Range(-20, 41).Select(i => new double[] { i / 5.0, 0 }).ToArray();
        var pairs = points.Select(x =>
        {
            model.DecisionFunction(x, f);
            model.PredictProba(x, p);
            return (F: f[0], P: p[1]);
        }).OrderBy(t => t.F).ToArray();

        for (var i = 1; i < pairs.Length; i++)
        {
            pairs[i].P.ShouldBeGreaterThanOrEqualTo(pairs[i - 1].P);
        }

        pairs[0].P.ShouldBeLessThan(0.1);
        pairs[^1].P.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Fit_AnyParallelism_GivesIdenticalModels()
    {
        var data = ThreeBlobs(90, 4);
        var probe = ThreeBlobs(30, 5).Features;

        var one = new KernelSvmLearner(new KernelSvmOptions { MaxDegreeOfParallelism = 1, Seed = 3 }).Fit(data).PredictProba(probe);
        var many = new KernelSvmLearner(new KernelSvmOptions { MaxDegreeOfParallelism = 4, Seed = 3 }).Fit(data).PredictProba(probe);

        many.ShouldBe(one);
    }

    [Fact]
    public void Fit_ThreeBlobs_OneVsOneCouplingPredictsEachBlob()
    {
        var model = new KernelSvmLearner().Fit(ThreeBlobs(150, 6));
        var p = new double[3];

        model.PairCount.ShouldBe(3);
        foreach (var (x, cls) in new (double[], int)[] { ([0, 0], 0), ([6, 0], 1), ([0, 6], 2) })
        {
            model.PredictProba(x, p);
            p.Sum().ShouldBe(1, 1e-9);
            Array.IndexOf(p, p.Max()).ShouldBe(cls);
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var e = Should.Throw<ArgumentException>(() => new KernelSvmLearner(new KernelSvmOptions { C = -1, Gamma = 0, ProbabilityFolds = 1, CacheSizeMb = 0 }));

        e.Message.ShouldContain("C must");
        e.Message.ShouldContain("Gamma");
        e.Message.ShouldContain("ProbabilityFolds");
        e.Message.ShouldContain("CacheSizeMb");
    }

    /// <summary>Two features; class 1 iff x₀ + noise &gt; 0, x₀ uniform in [−2, 2].</summary>
    internal static ClassificationSet LinearData(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows * 2];
        var y = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            x[2 * r] = (random.NextDouble() * 4) - 2;
            x[(2 * r) + 1] = random.NextDouble();
            y[r] = x[2 * r] + (random.NextDouble() - 0.5) > 0 ? 1 : 0;
        }

        return new ClassificationSet(new FeatureMatrix(rows, 2, x), y, 2);
    }

    /// <summary>Three Gaussian blobs (σ = 1) centred at (0, 0), (6, 0) and (0, 6), labels 0, 1, 2.</summary>
    internal static ClassificationSet ThreeBlobs(int rows, int seed)
    {
        var random = new Random(seed);
        double[][] centres = [[0, 0], [6, 0], [0, 6]];
        var x = new double[rows * 2];
        var y = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            y[r] = r % 3;
            x[2 * r] = centres[y[r]][0] + Gaussian(random);
            x[(2 * r) + 1] = centres[y[r]][1] + Gaussian(random);
        }

        return new ClassificationSet(new FeatureMatrix(rows, 2, x), y, 3);
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
