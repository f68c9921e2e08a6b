using Shouldly;
using Vigil.ML.Svm;
using Vigil.ML.Tests.Conformance;
using Vigil.ML.Tests.Linear;
using Xunit;

namespace Vigil.ML.Tests.Svm;

public sealed class LinearSvmLearnerTests
{
    private static LinearSvmOptions Exact => new() { Standardize = false, Tolerance = 1e-10, MaxIterations = 100_000 };

    [Fact]
    public void Fit_SeparableSquare_FindsMaximumMarginHyperplane()
    {
        // With the bias penalized as a constant feature the optimum is still w = (1, 0), b = −1: f(x) = x₀ − 1.
        var set = new ClassificationSet(FeatureMatrix.FromRows([[0, 0], [0, 1], [2, 0], [2, 1]]), [0, 0, 1, 1], 2);

        var model = new LinearSvmLearner(Exact with { C = 1000 }).Fit(set);

        model.Coefficients.ToArray().ShouldBe([1, 0], 1e-6);
        model.Intercepts[0].ShouldBe(-1, 1e-6);
    }

    [Theory]
    [InlineData(SvmLoss.Hinge, 0.5, 0.5, -1.0)]
    [InlineData(SvmLoss.SquaredHinge, 0.454615187933, 0.375862950659, -0.877524929675)]
    public void Fit_TinyNoisySet_MatchesScikitLearnLinearSvc(SvmLoss loss, double w0, double w1, double b)
    {
        // scikit-learn 1.2.1: LinearSVC(loss=..., C=1, tol=1e-10, max_iter=10⁶) on the logistic-regression test points.
        var set = new ClassificationSet(FeatureMatrix.FromRows(LogisticRegressionLearnerTests.Points), LogisticRegressionLearnerTests.Binary, 2);

        var model = new LinearSvmLearner(Exact with { Loss = loss }).Fit(set);

        model.Coefficients.ToArray().ShouldBe([w0, w1], 1e-5);
        model.Intercepts[0].ShouldBe(b, 1e-5);
    }

    [Fact]
    public void PredictProba_AlongTheDecisionValue_IsMonotone()
    {
        var model = new LinearSvmLearner().Fit(KernelSvmLearnerTests.LinearData(300, 2));
        var (f, p) = (new double[1], new double[2]);
        var pairs = Enumerable.Range(-20, 41).Select(i =>
        {
            double[] x = [i / 5.0, 0.5];
            model.DecisionFunction(x, f);
            model.PredictProba(x, p);
            return (F: f[0], P: p[1]);
        }).OrderBy(t => t.F).ToArray();

        for (var i = 1; i < pairs.Length; i++)
        {
            pairs[i].P.ShouldBeGreaterThanOrEqualTo(pairs[i - 1].P);
        }
    }

    [Fact]
    public void Fit_AnyParallelism_GivesIdenticalModels()
    {
        var data = KernelSvmLearnerTests.ThreeBlobs(120, 1);

        var one = new LinearSvmLearner(new LinearSvmOptions { MaxDegreeOfParallelism = 1 }).Fit(data);
        var many = new LinearSvmLearner(new LinearSvmOptions { MaxDegreeOfParallelism = 3 }).Fit(data);

        many.Coefficients.ToArray().ShouldBe(one.Coefficients.ToArray());
        many.PlattA.ToArray().ShouldBe(one.PlattA.ToArray());
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var e = Should.Throw<ArgumentException>(() => new LinearSvmLearner(new LinearSvmOptions { C = 0, MaxIterations = 0 }));

        e.Message.ShouldContain("C must");
        e.Message.ShouldContain("MaxIterations");
    }
}

public sealed class LinearSvmConformanceTests : ClassifierLearnerConformance
{
    protected override bool SupportsMissingValues => false;

    protected override IClassifierLearner CreateLearner(int seed) => new LinearSvmLearner(new LinearSvmOptions { Seed = seed });
}
