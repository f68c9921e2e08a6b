using Vigil.ML.Linear;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Svm;

/// <summary>
/// Linear SVM (hinge or squared-hinge loss, L2 penalty) trained by dual coordinate descent (Hsieh et al. 2008).
/// Two classes give one decision function; more give one-vs-rest functions, as LIBLINEAR. Probabilities come from
/// a Platt sigmoid per function (Platt 1999; Lin, Lin and Weng 2007) fitted on k-fold cross-validated decision
/// values, normalized over the classes for one-vs-rest. Problems and folds run in parallel with seeds drawn up front.
/// </summary>
public sealed class LinearSvmLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public LinearSvmLearner(LinearSvmOptions? options = null)
    {
        Options = options ?? new LinearSvmOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid LinearSvmOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "LinearSvm";

    /// <summary>The validated options.</summary>
    public LinearSvmOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits the SVM; throws <see cref="ArgumentException"/> naming the first NaN or infinite feature value.</summary>
    public LinearSvmModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit a linear SVM on an empty training set.", nameof(data));
        }

        FeatureGuard.RequireFinite(data.Features, data.FeatureNames, Name, nameof(data));
        var d = data.FeatureCount;
        var weights = TrainingWeights.Compute(data, Options.ClassWeighting);
        var present = TrainingWeights.PresentClasses(data.Labels, weights, data.ClassCount);
        if (present.Length < 2)
        {
            return new LinearSvmModel(d, data.ClassCount, present, [], [], [], []);
        }

        var standardizer = Options.Standardize ? Standardizer.Fit(data.Features, weights) : Standardizer.Identity(d);
        var x = standardizer.Transform(data.Features).Values.ToArray();
        var rows = Enumerable.Range(0, data.RowCount).Where(r => weights[r] > 0).ToArray();
        var labels = data.Labels.ToArray();
        var positives = present.Length == 2 ? [present[1]] : present;
        var random = new Random(Options.Seed);
        var seeds = positives.Select(_ => (Solver: random.Next(), Folds: random.Next())).ToArray();
        var bounds = rows.Select(r => Options.C * weights[r]).ToArray();
        var folds = Options.ProbabilityFolds;
        var thetas = new double[positives.Length][];
        var decisions = positives.Select(_ => new double[rows.Length]).ToArray();
        var permutations = seeds.Select(s => Permutation(rows.Length, s.Folds)).ToArray();
        Parallel.For(
            0,
            positives.Length * (folds + 1),
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            task =>
            {
                var (p, fold) = (task / (folds + 1), (task % (folds + 1)) - 1);
                var y = rows.Select(r => labels[r] == positives[p] ? (sbyte)1 : (sbyte)-1).ToArray();
                if (fold < 0)
                {
                    thetas[p] = Solve(x, d, rows, y, bounds, seeds[p].Solver);
                    return;
                }

                var n = rows.Length;
                var held = permutations[p].AsSpan(fold * n / folds, ((fold + 1) * n / folds) - (fold * n / folds)).ToArray();
                var keep = Enumerable.Range(0, n).Except(held).ToArray();
                var w = Solve(x, d, [.. keep.Select(i => rows[i])], [.. keep.Select(i => y[i])], [.. keep.Select(i => bounds[i])], seeds[p].Solver);
                foreach (var h in held)
                {
                    decisions[p][h] = Decide(w, x.AsSpan(rows[h] * d, d), Options.FitIntercept);
                }
            });

        var platt = positives.Select((c, p) => PlattScaling.Fit(decisions[p], [.. rows.Select(r => labels[r] == c)])).ToArray();
        var theta = thetas.SelectMany(t => Options.FitIntercept ? t : [.. t[..d], 0.0]).ToArray();
        var (coefficients, intercepts) = RawUnits.FromStandardized(theta, positives.Length, d, standardizer);
        return new LinearSvmModel(d, data.ClassCount, present, coefficients, intercepts, [.. platt.Select(t => t.A)], [.. platt.Select(t => t.B)]);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    private double[] Solve(double[] x, int d, int[] rows, sbyte[] y, double[] bounds, int seed) =>
        DualCoordinateDescent.Solve(x, d, rows, y, bounds, Options.Loss, Options.FitIntercept, Options.Tolerance, Options.MaxIterations, seed);

    private static double Decide(double[] w, ReadOnlySpan<double> row, bool bias)
    {
        var f = bias ? w[^1] : 0;
        for (var j = 0; j < row.Length; j++)
        {
            f += w[j] * row[j];
        }

        return f;
    }

    private static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
