using Vigil.Data.Frames;
using Vigil.Data.Profiling;

namespace Vigil.Data.Cleaning;

/// <summary>Fits imputation statistics on a training column and fills missing values with them (or along series).</summary>
internal static class Imputer
{
    /// <summary>The statistic of <paramref name="rule"/> over the observed values of <paramref name="column"/>.</summary>
    public static ImputationFit Fit(Column column, ImputationRule rule)
    {
        if (column is Float64Column numbers)
        {
            double? value = rule.Method switch
            {
                ImputationMethod.Mean => Mean(Observed(numbers)),
                ImputationMethod.Median => Median(Observed(numbers)),
                ImputationMethod.Mode => Observed(numbers) is { Length: > 0 } observed ? Mode(observed, Comparer<double>.Default) : null,
                ImputationMethod.Constant => rule.NumericValue,
                _ => null,
            };
            return new ImputationFit(column.Name, rule.Method, NumericValue: value);
        }

        string? text = rule.Method switch
        {
            ImputationMethod.Mode => TextValues.Read(column).OfType<string>().ToArray() is { Length: > 0 } observed ? Mode(observed, StringComparer.Ordinal) : null,
            ImputationMethod.Constant => rule.TextValue,
            _ => null,
        };
        return new ImputationFit(column.Name, rule.Method, TextValue: text);
    }

    /// <summary>The column with missing values filled, the number filled and the number still missing.</summary>
    public static (Column Column, long Filled, long LeftMissing) Apply(Column column, ImputationFit fit, Func<SeriesIndex> series, EdgeGapPolicy edges)
    {
        var before = column.MissingCount;
        if (before == 0)
        {
            return (column, 0, 0);
        }

        Column result;
        if (column is Float64Column numbers)
        {
            var values = numbers.ToArray();
            switch (fit.Method)
            {
                case ImputationMethod.LinearInterpolation:
                    SeriesFill.Interpolate(values, series(), edges);
                    break;
                case ImputationMethod.ForwardFill:
                    SeriesFill.ForwardFill(values, double.IsNaN, series(), edges);
                    break;
                case not ImputationMethod.None when fit.NumericValue is { } fill:
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = double.IsNaN(values[i]) ? fill : values[i];
                    }

                    break;
            }

            result = new Float64Column(column.Name, values);
        }
        else
        {
            var values = TextValues.Read(column);
            if (fit.Method == ImputationMethod.ForwardFill)
            {
                SeriesFill.ForwardFill(values, v => v is null, series(), edges);
            }
            else if (fit.TextValue is { } fill)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] ??= fill;
                }
            }

            result = TextValues.Write(column, values);
        }

        var after = result.MissingCount;
        return (result, before - after, after);
    }

    private static double[] Observed(Float64Column column) => column.Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();

    private static double? Mean(double[] values) => values.Length == 0 ? null : values.Sum() / values.Length;

    private static double? Median(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        Array.Sort(values);
        return NumericProfiler.Quantile(values, 0.5);
    }

    /// <summary>The most frequent of the (non-empty) <paramref name="values"/>; ties go to the smallest under <paramref name="comparer"/>.</summary>
    private static T Mode<T>(T[] values, IComparer<T> comparer)
        where T : notnull =>
        values.CountBy(v => v).OrderByDescending(p => p.Value).ThenBy(p => p.Key, comparer).First().Key;
}
