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

    /// <summary>The rows of a stratified or plain split: class labels, or the target's quantile bins for regression.</summary>
    public int[] StrataOrBins(int bins) => Labels ?? BinnedMutualInformation.QuantileBins(Values!, bins).Codes;

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
