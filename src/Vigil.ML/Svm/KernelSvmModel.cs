using System.Buffers;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Svm;

/// <summary>
/// A trained, immutable, thread-safe kernel SVM over raw features: standardizes the row, evaluates the kernel
/// against every support vector (one flat array shared by the one-vs-one pairs), then turns the pairs' Platt
/// probabilities into class probabilities. Prediction allocates nothing per row.
/// </summary>
public sealed class KernelSvmModel : IClassifierModel
{
    private const double MinProbability = 1e-7;
    private readonly KernelFunction _kernel;
    private readonly double[] _supportVectors;
    private readonly int[] _classes;
    private readonly int[] _position;

    internal KernelSvmModel(Standardizer standardizer, KernelFunction kernel, int classCount, int[] classes, double[] supportVectors, SvmPairs pairs)
    {
        var d = standardizer.FeatureCount;
        if (classes.Length == 0 || classes.Any(c => (uint)c >= (uint)classCount) || supportVectors.Length % Math.Max(1, d) != 0
            || pairs.Count != classes.Length * (classes.Length - 1) / 2 || !pairs.IsConsistent(d == 0 ? 0 : supportVectors.Length / d))
        {
            throw new ArgumentException("Inconsistent kernel SVM arrays.");
        }

        Standardizer = standardizer;
        _kernel = kernel;
        ClassCount = classCount;
        _classes = classes;
        _supportVectors = supportVectors;
        Pairs = pairs;
        _position = Enumerable.Repeat(-1, classCount).ToArray();
        for (var i = 0; i < classes.Length; i++)
        {
            _position[classes[i]] = i;
        }
    }

    /// <inheritdoc/>
    public int FeatureCount => Standardizer.FeatureCount;

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The classes that had training rows, ascending.</summary>
    public ReadOnlySpan<int> TrainedClasses => _classes;

    /// <summary>The standardization applied to raw rows before the kernel.</summary>
    public Standardizer Standardizer { get; }

    /// <summary>The kernel type.</summary>
    public KernelType Kernel => _kernel.Type;

    /// <summary>The kernel coefficient γ actually used (resolved from "scale" when not set).</summary>
    public double Gamma => _kernel.Gamma;

    /// <summary>The polynomial degree.</summary>
    public int Degree => _kernel.Degree;

    /// <summary>The polynomial constant term.</summary>
    public double Coef0 => _kernel.Coef0;

    /// <summary>The number of distinct support vectors over all class pairs.</summary>
    public int SupportVectorCount => FeatureCount == 0 ? Pairs.SupportCount : _supportVectors.Length / FeatureCount;

    /// <summary>The support vectors in standardized units, row-major (<see cref="SupportVectorCount"/> × <see cref="FeatureCount"/>).</summary>
    public ReadOnlySpan<double> SupportVectors => _supportVectors;

    /// <summary>The number of one-vs-one decision functions: K(K − 1)/2 over the trained classes.</summary>
    public int PairCount => Pairs.Count;

    internal SvmPairs Pairs { get; }

    internal KernelFunction KernelFunction => _kernel;

    internal static KernelSvmModel Build(Standardizer standardizer, KernelFunction kernel, int classCount, int[] classes, PairModel[] pairs, double[] x)
    {
        var d = standardizer.FeatureCount;
        var rows = pairs.SelectMany(p => p.Svm.SupportRows).Distinct().Order().ToArray();
        var index = rows.Select((r, i) => (r, i)).ToDictionary(t => t.r, t => t.i);
        var supportVectors = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            x.AsSpan(rows[i] * d, d).CopyTo(supportVectors.AsSpan(i * d, d));
        }

        return new KernelSvmModel(standardizer, kernel, classCount, classes, supportVectors, SvmPairs.From(pairs, index));
    }

    /// <summary>Writes one decision value per class pair (in <see cref="TrainedClasses"/> order (0,1), (0,2), …, (1,2), …); positive favours the pair's higher class.</summary>
    public void DecisionFunction(ReadOnlySpan<double> row, Span<double> decisions)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(decisions.Length, PairCount, nameof(decisions));
        var k = ArrayPool<double>.Shared.Rent(SupportVectorCount + FeatureCount);
        KernelValues(row, k);
        for (var p = 0; p < PairCount; p++)
        {
            decisions[p] = Pairs.Decide(p, k.AsSpan(0, SupportVectorCount));
        }

        ArrayPool<double>.Shared.Return(k);
    }

    /// <inheritdoc/>
    public void PredictProba(ReadOnlySpan<double> row, Span<double> probabilities)
    {
        ModelShape.CheckRow(row, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, ClassCount, nameof(probabilities));
        var k = ArrayPool<double>.Shared.Rent(SupportVectorCount + FeatureCount);
        KernelValues(row, k);
        Probabilities(k.AsSpan(0, SupportVectorCount), probabilities);
        ArrayPool<double>.Shared.Return(k);
    }

    /// <inheritdoc/>
    public void PredictProba(FeatureMatrix features, Span<double> probabilities)
    {
        ModelShape.CheckMatrix(features, FeatureCount);
        ModelShape.CheckDestination(probabilities.Length, features.RowCount * ClassCount, nameof(probabilities));
        var k = ArrayPool<double>.Shared.Rent(SupportVectorCount + FeatureCount);
        for (var i = 0; i < features.RowCount; i++)
        {
            KernelValues(features.Row(i), k);
            Probabilities(k.AsSpan(0, SupportVectorCount), probabilities.Slice(i * ClassCount, ClassCount));
        }

        ArrayPool<double>.Shared.Return(k);
    }

    /// <summary>Standardizes the row into the tail of <paramref name="buffer"/> and writes the kernel values against every support vector into its head.</summary>
    private void KernelValues(ReadOnlySpan<double> row, double[] buffer)
    {
        var nsv = SupportVectorCount;
        var z = buffer.AsSpan(nsv, FeatureCount);
        var means = Standardizer.Means;
        var scales = Standardizer.Scales;
        for (var f = 0; f < z.Length; f++)
        {
            z[f] = (row[f] - means[f]) / scales[f];
        }

        _kernel.EvaluateAll(z, _supportVectors, buffer.AsSpan(0, nsv));
    }

    private void Probabilities(ReadOnlySpan<double> k, Span<double> probabilities)
    {
        probabilities[..ClassCount].Clear();
        var m = _classes.Length;
        if (m == 1)
        {
            probabilities[_classes[0]] = 1;
            return;
        }

        if (m == 2)
        {
            var pb = Pairs.Probability(0, k, MinProbability);
            probabilities[_classes[0]] = 1 - pb;
            probabilities[_classes[1]] = pb;
            return;
        }

        Span<double> work = m <= 16 ? stackalloc double[(2 * m * m) + (2 * m)] : new double[(2 * m * m) + (2 * m)];
        var r = work[..(m * m)];
        for (var p = 0; p < PairCount; p++)
        {
            var (a, b) = (_position[Pairs.ClassA[p]], _position[Pairs.ClassB[p]]);
            var pb = Pairs.Probability(p, k, MinProbability);
            r[(a * m) + b] = 1 - pb;
            r[(b * m) + a] = pb;
        }

        var classProbabilities = work.Slice(m * m, m);
        PairwiseCoupling.Couple(r, m, classProbabilities, work[((m * m) + m)..]);
        for (var c = 0; c < m; c++)
        {
            probabilities[_classes[c]] = classProbabilities[c];
        }
    }
}
