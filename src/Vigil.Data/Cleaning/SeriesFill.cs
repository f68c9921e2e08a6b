namespace Vigil.Data.Cleaning;

/// <summary>Forward fill and linear interpolation along each series of a <see cref="SeriesIndex"/>, in place.</summary>
internal static class SeriesFill
{
    /// <summary>
    /// Copies each series' last observed value into the missing values after it; a leading gap is backward filled from the
    /// first observed value under <see cref="EdgeGapPolicy.NearestObserved"/>, else left missing.
    /// </summary>
    public static void ForwardFill<T>(T[] values, Func<T, bool> isMissing, SeriesIndex index, EdgeGapPolicy edges)
    {
        foreach (var series in index.Series)
        {
            var lastObserved = -1;
            foreach (var row in series)
            {
                if (!isMissing(values[row]))
                {
                    lastObserved = row;
                }
                else if (lastObserved >= 0)
                {
                    values[row] = values[lastObserved];
                }
            }

            var first = Array.FindIndex(series, r => !isMissing(values[r]));
            if (edges == EdgeGapPolicy.NearestObserved && first > 0)
            {
                for (var p = 0; p < first; p++)
                {
                    values[series[p]] = values[series[first]];
                }
            }
        }
    }

    /// <summary>
    /// Fills each missing value between two observed values of its series by linear interpolation on the series axis:
    /// v = v₀ + (x − x₀)/(x₁ − x₀)·(v₁ − v₀) (v₀ when x₀ = x₁). Gaps before the first or after the last observation take
    /// that observation under <see cref="EdgeGapPolicy.NearestObserved"/>, else stay missing; rows without a time stay missing.
    /// </summary>
    public static void Interpolate(double[] values, SeriesIndex index, EdgeGapPolicy edges)
    {
        var axis = index.Axis;
        foreach (var series in index.Series)
        {
            // Knots: observed values with a position on the axis; they are already in axis order.
            var knots = Array.FindAll(series, r => !double.IsNaN(values[r]) && !double.IsNaN(axis[r]));
            if (knots.Length == 0)
            {
                continue;
            }

            var k = 0;
            foreach (var row in series)
            {
                if (!double.IsNaN(values[row]) || double.IsNaN(axis[row]))
                {
                    continue;
                }

                while (k < knots.Length && axis[knots[k]] <= axis[row])
                {
                    k++;
                }

                // knots[k - 1] is the last knot at or before row, knots[k] the first after it.
                if (k > 0 && k < knots.Length)
                {
                    var (left, right) = (knots[k - 1], knots[k]);
                    var span = axis[right] - axis[left];
                    values[row] = span == 0
                        ? values[left]
                        : values[left] + ((axis[row] - axis[left]) / span * (values[right] - values[left]));
                }
                else if (edges == EdgeGapPolicy.NearestObserved)
                {
                    values[row] = values[knots[k == 0 ? 0 : knots.Length - 1]];
                }
            }
        }
    }
}
