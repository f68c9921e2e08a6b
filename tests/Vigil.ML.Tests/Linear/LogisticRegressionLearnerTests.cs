using Shouldly;
using Vigil.ML.Linear;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Linear;

public sealed class LogisticRegressionLearnerTests
{
    // Ten points in the plane, separable except for noise (rows 3 and 5 sit on the wrong side).
    internal static readonly double[][] Points =
        [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1], [1, 2], [2, 2], [0.5, 1.5], [3, 1], [1.5, 0.5]];

    internal static readonly int[] Binary = [0, 0, 0, 1, 1, 0, 1, 1, 1, 0];

    /// <summary>The tree tests' random data with its NaN values replaced by 0.</summary>
    internal static ClassificationSet NoMissing(ClassificationSet data) => new(
        new FeatureMatrix(data.RowCount, data.FeatureCount, [.. data.Features.Values.ToArray().Select(v => double.IsNaN(v) ? 0 : v)]),
        data.Labels.ToArray(), data.ClassCount);

    private static LogisticRegressionOptions Exact(LogisticSolver solver) =>
        new() { Solver = solver, Standardize = false, Tolerance = 1e-9, MaxIterations = 10_000 };

    [Theory]
    [InlineData(LogisticSolver.Lbfgs)]
    [InlineData(LogisticSolver.Newton)]
    public void Fit_TinyNoisySet_MatchesScikitLearnOptimum(LogisticSolver solver)
    {
        // scikit-learn 1.2.1: LogisticRegression(C=1, solver="newton-cg", tol=1e-14).fit(Points, Binary) printed
        // coef_ [[0.831284351041, 0.61458029192]], intercept_ [-1.610064939688] (its lbfgs stops ~2e-7 away, on ftol).
        var model = new LogisticRegressionLearner(Exact(solver)).Fit(new ClassificationSet(FeatureMatrix.FromRows(Points), Binary, 2));

        model.Converged.ShouldBeTrue();
        model.Coefficients[0].ShouldBe(0.831284351041, 1e-7);
        model.Coefficients[1].ShouldBe(0.61458029192, 1e-7);
        model.Intercepts[0].ShouldBe(-1.610064939688, 1e-7);
    }

    [Fact]
    public void Fit_SampleWeightsAndSmallerC_MatchScikitLearn()
    {
        // scikit-learn 1.2.1: LogisticRegression(C=0.5, solver="newton-cg", tol=1e-14).fit(Points, Binary, sample_weight=[1,2,1,1,1,3,1,1,0.5,1]):
        // coef_ [[0.600622802489, 0.265854365283]], intercept_ [-1.545531112667].
        var set = new ClassificationSet(FeatureMatrix.FromRows(Points), Binary, 2, [1, 2, 1, 1, 1, 3, 1, 1, 0.5, 1]);

        var model = new LogisticRegressionLearner(Exact(LogisticSolver.Lbfgs) with { C = 0.5 }).Fit(set);

        model.Coefficients.ToArray().ShouldBe([0.600622802489, 0.265854365283], 1e-7);
        model.Intercepts[0].ShouldBe(-1.545531112667, 1e-7);
    }

    [Theory]
    [InlineData(LogisticSolver.Lbfgs)]
    [InlineData(LogisticSolver.Newton)]
    public void Fit_ThreeClasses_MatchesScikitLearnMultinomial(LogisticSolver solver)
    {
        // scikit-learn 1.2.1 (multinomial, newton-cg, C=1, tol=1e-14) on labels [0,0,1,1,2,1,2,2,2,0]: coef_
        // [[-0.154983825941, -1.108817942049], [-0.551903382941, 0.548788992248], [0.706887208882, 0.5600289498]],
        // centered intercept_ [1.121130948864, 0.088181316966, -1.20931226583]. Intercepts are defined up to a common shift.
        var set = new ClassificationSet(FeatureMatrix.FromRows(Points), [0, 0, 1, 1, 2, 1, 2, 2, 2, 0], 3);

        var model = new LogisticRegressionLearner(Exact(solver)).Fit(set);

        model.Coefficients.ToArray().ShouldBe(
            [-0.154983825941, -1.108817942049, -0.551903382941, 0.548788992248, 0.706887208882, 0.5600289498], 1e-6);
        var b = model.Intercepts.ToArray();
        var shift = b.Average();
        b.Select(v => v - shift).ToArray().ShouldBe([1.121130948864, 0.088181316966, -1.20931226583], 1e-6);
    }

    [Fact]
    public void Fit_LbfgsAndNewton_AgreeOnStandardizedRandomData()
    {
        var data = NoMissing(Trees.DecisionTreeLearnerTests.RandomData(rows: 300, features: 4, seed: 5));
        var options = new LogisticRegressionOptions { Tolerance = 1e-10, C = 3 };

        var lbfgs = new LogisticRegressionLearner(options).Fit(data);
        var newton = new LogisticRegressionLearner(options with { Solver = LogisticSolver.Newton }).Fit(data);

        lbfgs.Coefficients.ToArray().ShouldBe(newton.Coefficients.ToArray(), 1e-6);
        lbfgs.Intercepts.ToArray().ShouldBe(newton.Intercepts.ToArray(), 1e-6);
    }

    [Fact]
    public void PredictProba_RawFeatures_IsSigmoidOfRawCoefficients()
    {
        var model = new LogisticRegressionLearner().Fit(new ClassificationSet(FeatureMatrix.FromRows(Points), Binary, 2));
        var p = new double[2];

        model.PredictProba([2, 0.5], p);

        var z = model.Intercepts[0] + (2 * model.Coefficients[0]) + (0.5 * model.Coefficients[1]);
        p[1].ShouldBe(1 / (1 + Math.Exp(-z)), 1e-12);
    }

    [Fact]
    public void Fit_BalancedWeights_RaisesRareClassProbability()
    {
        var set = new ClassificationSet(FeatureMatrix.FromRows([[0], [1], [2], [3], [4], [5], [6], [7]]), [0, 0, 0, 0, 0, 0, 1, 0], 2);
        var p = new double[2];
        var q = new double[2];

        new LogisticRegressionLearner().Fit(set).PredictProba([6], p);
        new LogisticRegressionLearner(new LogisticRegressionOptions { ClassWeighting = ClassWeighting.Balanced }).Fit(set).PredictProba([6], q);

        q[1].ShouldBeGreaterThan(p[1]);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var e = Should.Throw<ArgumentException>(() => new LogisticRegressionLearner(new LogisticRegressionOptions { C = 0, Tolerance = -1, MaxIterations = 0 }));

        e.Message.ShouldContain("C must");
        e.Message.ShouldContain("Tolerance");
        e.Message.ShouldContain("MaxIterations");
    }

    [Fact]
    public void Fit_NaN_NamesRowAndFeature()
    {
        var set = new ClassificationSet(FeatureMatrix.FromRows([[0, 1], [1, double.NaN]]), [0, 1], 2, featureNames: ["a", "b"]);

        var e = Should.Throw<ArgumentException>(() => new LogisticRegressionLearner().Fit(set));

        e.Message.ShouldContain("Row 1, feature 1 ('b') is NaN");
    }
}
