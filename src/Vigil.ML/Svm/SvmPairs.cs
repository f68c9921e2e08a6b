using System.Numerics.Tensors;

namespace Vigil.ML.Svm;

/// <summary>The one-vs-one decision functions in flat arrays: per pair its classes, ρ, Platt (A, B) and a slice of (support-vector index, coefficient αᵢyᵢ).</summary>
internal sealed record SvmPairs(int[] ClassA, int[] ClassB, double[] Rho, double[] PlattA, double[] PlattB, int[] Start, int[] Index, double[] Coefficient)
{
    public int Count => Rho.Length;

    public int SupportCount => Index.Length == 0 ? 0 : Index.Max() + 1;

    public static SvmPairs From(PairModel[] pairs, Dictionary<int, int> supportIndex)
    {
        var start = new int[pairs.Length + 1];
        for (var p = 0; p < pairs.Length; p++)
        {
            start[p + 1] = start[p] + pairs[p].Svm.SupportRows.Length;
        }

        var index = pairs.SelectMany(p => p.Svm.SupportRows.Select(r => supportIndex[r])).ToArray();
        var coefficients = pairs.SelectMany(p => p.Svm.Coefficients).ToArray();
        return new SvmPairs(
            [.. pairs.Select(p => p.ClassA)], [.. pairs.Select(p => p.ClassB)], [.. pairs.Select(p => p.Svm.Rho)],
            [.. pairs.Select(p => p.PlattA)], [.. pairs.Select(p => p.PlattB)], start, index, coefficients);
    }

    public bool IsConsistent(int supportVectorCount) =>
        ClassA.Length == Count && ClassB.Length == Count && PlattA.Length == Count && PlattB.Length == Count
        && Start.Length == Count + 1 && Start[0] == 0 && Start[^1] == Index.Length && Index.Length == Coefficient.Length
        && Start.Zip(Start.Skip(1)).All(t => t.First <= t.Second) && Index.All(i => (uint)i < (uint)supportVectorCount)
        && Coefficient.All(double.IsFinite) && Rho.All(double.IsFinite) && PlattA.All(double.IsFinite) && PlattB.All(double.IsFinite);

    /// <summary>f = Σ coef·K[index] − ρ for pair <paramref name="p"/> given the kernel values against every support vector.</summary>
    public double Decide(int p, ReadOnlySpan<double> kernelValues)
    {
        var (from, to) = (Start[p], Start[p + 1]);
        if (Count == 1 && to - from == kernelValues.Length)
        {
            // Binary: the pair owns every support vector in order.
            return TensorPrimitives.Dot(new ReadOnlySpan<double>(Coefficient, from, to - from), kernelValues) - Rho[p];
        }

        var sum = -Rho[p];
        for (var s = from; s < to; s++)
        {
            sum += Coefficient[s] * kernelValues[Index[s]];
        }

        return sum;
    }

    /// <summary>The Platt probability of the pair's higher class, clamped to [min, 1 − min] as libsvm does.</summary>
    public double Probability(int p, ReadOnlySpan<double> kernelValues, double min) =>
        Math.Clamp(PlattScaling.Probability(Decide(p, kernelValues), PlattA[p], PlattB[p]), min, 1 - min);
}
