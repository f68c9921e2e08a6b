using Vigil.Data.Frames;
using Vigil.ML;

namespace Vigil.Pipelines.Training;

/// <summary>Decides classification or regression from a target column.</summary>
public static class TaskInference
{
    /// <summary>Numeric targets with at most this many distinct whole-number values are treated as classes.</summary>
    public const int MaxClassesForNumericTarget = 20;

    /// <summary>Classification for categorical, boolean and text targets and for numeric targets with few whole-number values; regression otherwise.</summary>
    public static ModelTask Infer(Column target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not Float64Column numeric)
        {
            return ModelTask.Classification;
        }

        var distinct = new HashSet<double>();
        foreach (var v in numeric.Values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (v != Math.Floor(v) || (distinct.Add(v) && distinct.Count > MaxClassesForNumericTarget))
            {
                return ModelTask.Regression;
            }
        }

        return ModelTask.Classification;
    }
}
