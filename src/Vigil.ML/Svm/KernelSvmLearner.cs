using Vigil.ML.Linear;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Svm;

/// <summary>
/// C-support vector classification (Cortes and Vapnik 1995) with an RBF, linear or polynomial kernel, trained
/// by SMO with WSS2 working-set selection (Fan, Chen and Lin 2005), shrinking and an LRU kernel cache, as
/// libsvm (Chang and Lin 2011). Multiclass is one-vs-one; probabilities come from Platt sigmoids (Lin, Lin and
/// Weng 2007) fitted on internal k-fold cross-validated decision values, coupled by Wu, Lin and Weng (2004).
/// Every binary problem and fold is independent, so they run in parallel and the model does not depend on it.
/// </summary>
public sealed class KernelSvmLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public KernelSvmLearner(KernelSvmOptions? options = null)
    {
        Options = options ?? new KernelSvmOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid KernelSvmOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Name => "KernelSvm";

    /// <summary>The validated options.</summary>
    public KernelSvmOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Fits the SVM; throws <see cref="ArgumentException"/> naming the first NaN or infinite feature value.</summary>
    public KernelSvmModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount == 0)
        {
            throw new ArgumentException("A kernel SVM needs at least one feature column; the training set has none.", nameof(data));
        }

        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("Cannot fit an SVM on an empty training set.", nameof(data));
        }

        FeatureGuard.RequireFinite(data.Features, data.FeatureNames, Name, nameof(data));
        var d = data.FeatureCount;
        var weights = TrainingWeights.Compute(data, Options.ClassWeighting);
        var present = TrainingWeights.PresentClasses(data.Labels, weights, data.ClassCount);
        var standardizer = Options.Standardize ? Standardizer.Fit(data.Features, weights) : Standardizer.Identity(d);
        var x = standardizer.Transform(data.Features).Values.ToArray();
        var kernel = new KernelFunction(Options.Kernel, Options.Gamma ?? ScaleGamma(x, d), Options.Degree, Options.Coef0);
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < present.Length; a++)
        {
            for (var b = a + 1; b < present.Length; b++)
            {
                pairs.Add((present[a], present[b]));
            }
        }

        var parallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        var training = new SvmTraining(Options.Tolerance, Options.Shrinking, Options.MaxIterations, (long)Options.CacheSizeMb * 1024 * 1024 / parallelism);
        var trained = new OneVsOneTraining(x, d, data.Labels.ToArray(), weights, Options.C, kernel, training, Options.ProbabilityFolds, Options.Seed)
            .Run([.. pairs], parallelism, cancellationToken);
        return KernelSvmModel.Build(standardizer, kernel, data.ClassCount, present, trained, x);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    /// <summary>scikit-learn's gamma="scale": 1 / (d · Var(X)) over every value of the (standardized) training matrix; 1 when that variance is 0.</summary>
    internal static double ScaleGamma(ReadOnlySpan<double> x, int d)
    {
        if (x.IsEmpty || d == 0)
        {
            return 1.0;
        }

        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        var variance = 0.0;
        foreach (var v in x)
        {
            variance += (v - mean) * (v - mean);
        }

        variance /= x.Length;
        return variance > 0 ? 1.0 / (d * variance) : 1.0;
    }
}
