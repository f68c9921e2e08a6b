using Vigil.ML.Trees;

namespace Vigil.ML.Linear;

/// <summary>Effective per-row weights (sample weight × class weight) and the classes that actually occur, shared by the linear and SVM learners.</summary>
internal static class TrainingWeights
{
    /// <summary>Sample weight × class weight per row; balanced weighting gives class k the weight W / (K·Wₖ) over the K classes present.</summary>
    public static double[] Compute(ClassificationSet data, ClassWeighting weighting)
    {
        var weights = new double[data.RowCount];
        for (var r = 0; r < weights.Length; r++)
        {
            weights[r] = data.WeightOf(r);
        }

        if (weighting == ClassWeighting.Balanced)
        {
            var perClass = new double[data.ClassCount];
            var labels = data.Labels;
            for (var r = 0; r < weights.Length; r++)
            {
                perClass[labels[r]] += weights[r];
            }

            var total = perClass.Sum();
            var present = perClass.Count(w => w > 0);
            for (var r = 0; r < weights.Length; r++)
            {
                weights[r] *= total / (present * perClass[labels[r]]);
            }
        }

        return weights;
    }

    /// <summary>The ascending class indices that have positive total weight.</summary>
    public static int[] PresentClasses(ReadOnlySpan<int> labels, ReadOnlySpan<double> weights, int classCount)
    {
        var total = new double[classCount];
        for (var r = 0; r < labels.Length; r++)
        {
            total[labels[r]] += weights[r];
        }

        return [.. Enumerable.Range(0, classCount).Where(c => total[c] > 0)];
    }

    /// <summary>Maps every label to its position in <paramref name="present"/> (−1 for a class not present).</summary>
    public static int[] Compact(ReadOnlySpan<int> labels, int[] present, int classCount)
    {
        var map = Enumerable.Repeat(-1, classCount).ToArray();
        for (var i = 0; i < present.Length; i++)
        {
            map[present[i]] = i;
        }

        var result = new int[labels.Length];
        for (var r = 0; r < labels.Length; r++)
        {
            result[r] = map[labels[r]];
        }

        return result;
    }
}
