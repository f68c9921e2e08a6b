using Vigil.ML;
using Vigil.ML.Linear;
using Vigil.ML.Svm;
using Vigil.ML.Tuning;

namespace Vigil.Pipelines.Training.Families;

/// <summary>Catalog entries of linear models and support vector machines.</summary>
internal static class LinearFamilies
{
    public static IEnumerable<LearnerEntry> All =>
    [
        new("logreg", "logistic regression, L2, L-BFGS or Newton (standardized inputs)", Logistic, null,
            [new FloatParameter("c", 1e-3, 1e3) { Log = true, GridPoints = 7 }]),
        new("linear", "ordinary least squares", null, (p, _) => new LinearRegressionLearner(new LinearRegressionOptions
        {
            FitIntercept = p.Bool("fit_intercept", true),
        })),
        new("ridge", "ridge regression (L2)", null, (p, _) => new RidgeRegressionLearner(new RidgeRegressionOptions
        {
            Alpha = p.Double("alpha", 1.0),
            FitIntercept = p.Bool("fit_intercept", true),
            Standardize = p.Bool("standardize", true),
        }), [new FloatParameter("alpha", 1e-4, 1e3) { Log = true, GridPoints = 8 }]),
        new("linear-svm", "linear SVM (hinge), Platt-scaled probabilities", LinearSvm, null,
            [new FloatParameter("c", 1e-3, 1e2) { Log = true, GridPoints = 6 }]),
        new("svm", "RBF-kernel SVM by SMO (Platt 1998; Fan et al. 2005), Platt-scaled probabilities", KernelSvm, null,
        [
            new FloatParameter("c", 1e-2, 1e3) { Log = true, GridPoints = 6 },
            new FloatParameter("gamma", 1e-3, 10) { Log = true, GridPoints = 5 },
        ]),
    ];

    private static IClassifierLearner Logistic(LearnerParameters p, int seed) => new LogisticRegressionLearner(new LogisticRegressionOptions
    {
        C = p.Double("c", 1.0),
        Solver = p.Choice("solver", "lbfgs", "lbfgs", "newton") == "newton" ? LogisticSolver.Newton : LogisticSolver.Lbfgs,
        MaxIterations = p.Int("max_iter", 1000),
        ClassWeighting = TreeFamilies.ClassWeight(p),
    });

    private static IClassifierLearner LinearSvm(LearnerParameters p, int seed) => new LinearSvmLearner(new LinearSvmOptions
    {
        C = p.Double("c", 1.0),
        Loss = p.Choice("loss", "hinge", "hinge", "squared_hinge") == "hinge" ? SvmLoss.Hinge : SvmLoss.SquaredHinge,
        ClassWeighting = TreeFamilies.ClassWeight(p),
        Seed = seed,
    });

    private static IClassifierLearner KernelSvm(LearnerParameters p, int seed) => new KernelSvmLearner(new KernelSvmOptions
    {
        C = p.Double("c", 1.0),
        Kernel = p.Choice("kernel", "rbf", "rbf", "linear", "poly") switch { "linear" => KernelType.Linear, "poly" => KernelType.Polynomial, _ => KernelType.Rbf },
        Gamma = p.Double("gamma", double.NaN) is var g && double.IsNaN(g) ? null : g,
        ClassWeighting = TreeFamilies.ClassWeight(p),
        Seed = seed,
    });
}
