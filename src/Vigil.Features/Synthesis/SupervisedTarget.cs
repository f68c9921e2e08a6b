using Vigil.Data.Frames;
using Vigil.ML.Encoding;

namespace Vigil.Features.Synthesis;

/// <summary>The target of a supervised feature step, read from the training frame: class indices or numbers.</summary>
internal sealed class SupervisedTarget
{
    private SupervisedTarget(string name, int[]? labels, int classCount, double[]? values)
    {
        Name = name;
        Labels = labels;
        ClassCount = classCount;
        Values = values;
    }

    public string Name { get; }

    public int[]? Labels { get; }

    public int ClassCount { get; }

    public double[]? Values { get; }

    public bool IsClassification => Labels is not null;

    public int RowCount => Labels?.Length ?? Values!.Length;

    public static SupervisedTarget Read(DataFrame training, FeatureFitContext context, SynthesisTask task, string step)
    {
        if (context.Target is null)
        {
            throw new ArgumentException($"The '{step}' step is supervised: set FeatureFitContext.Target.", nameof(context));
        }

        if (!training.TryGetColumn(context.Target, out var column))
        {
            throw new ArgumentException($"Target '{context.Target}' is not a column of the training frame.", nameof(training));
        }

        var classify = task switch
        {
            SynthesisTask.Classification => true,
            SynthesisTask.Regression => false,
            _ => column is not Float64Column f || LooksLikeClasses(f.Values),
        };
        if (classify)
        {
            var labels = ClassLabels.Fit(column);
            return new SupervisedTarget(column.Name, labels.Encode(column), labels.Count, null);
        }

        if (column is not Float64Column numbers)
        {
            throw new ArgumentException($"Regression needs a Float64 target; '{column.Name}' is {column.Kind}.", nameof(training));
        }

        if (numbers.MissingCount > 0)
        {
            throw new ArgumentException($"Target '{column.Name}' has {numbers.MissingCount} missing values.", nameof(training));
        }

        return new SupervisedTarget(column.Name, null, 0, numbers.ToArray());
    }

    /// <summary>
    /// How much of the target's variance a depth-3 tree (≥ 20 rows a leaf) on this one column explains, in [0, 1]: the
    /// target centred (one-hot minus class shares for classes), scored by <see cref="ResidualScreen"/>. A supervised-binning
    /// relevance score (cf. Fayyad and Irani 1993, IJCAI) that resolves a sharp class boundary equal-width bins would blur.
    /// </summary>
    public ResidualScreen Relevance()
    {
        if (Labels is null)
        {
            var mean = Values!.Average();
            return new ResidualScreen([.. Values!.Select(v => v - mean)], 1, 3, 20);
        }

        var k = ClassCount;
        var shares = new double[k];
        foreach (var label in Labels)
        {
            shares[label] += 1.0 / Labels.Length;
        }

        var centred = new double[Labels.Length * k];
        for (var r = 0; r < Labels.Length; r++)
        {
            for (var c = 0; c < k; c++)
            {
                centred[(r * k) + c] = (Labels[r] == c ? 1 : 0) - shares[c];
            }
        }

        return new ResidualScreen(centred, k, 3, 20);
    }

    private static bool LooksLikeClasses(ReadOnlySpan<double> values)
    {
        var distinct = new HashSet<double>();
        foreach (var v in values)
        {
            if (double.IsNaN(v) || v != Math.Floor(v) || (distinct.Add(v) && distinct.Count > 20))
            {
                return false;
            }
        }

        return true;
    }
}
