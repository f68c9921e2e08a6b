namespace Vigil.ML.Tuning;

/// <summary>
/// Exhaustive grid search: trial n takes the n-th point of the Cartesian product of every parameter's grid
/// values (the last parameter varies fastest), and sampling stops once the product is exhausted. Integer ranges
/// visit every value unless <see cref="IntParameter.GridPoints"/> is set; float ranges need <see cref="FloatParameter.GridPoints"/>.
/// </summary>
public sealed class GridSampler : ISampler
{
    /// <summary>The number of points in the grid over <paramref name="space"/>.</summary>
    public static long CountPoints(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.Aggregate(1L, (product, p) => checked(product * p.GridValues().Count));
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var errors = space.Select(p => p.GridProblem()).OfType<string>().ToList();
        if (errors.Count == 0)
        {
            try
            {
                CountPoints(space);
            }
            catch (OverflowException)
            {
                errors.Add("The grid has more than 2^63 points.");
            }
        }

        return errors;
    }

    /// <inheritdoc/>
    public ParameterSet? Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space;
        var grids = space.Select(p => p.GridValues()).ToArray();
        long index = context.TrialNumber;
        var values = new object[grids.Length];
        for (var i = grids.Length - 1; i >= 0; i--)
        {
            values[i] = grids[i][(int)(index % grids[i].Count)];
            index /= grids[i].Count;
        }

        return index > 0 ? null : space.CreateSet(values);
    }
}
