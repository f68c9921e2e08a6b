namespace Vigil.ML.Tuning;

/// <summary>
/// Random search (Bergstra and Bengio 2012, "Random Search for Hyper-Parameter Optimization", JMLR 13): every
/// parameter drawn independently, uniformly (log-uniformly for log ranges); integer and categorical values equally likely.
/// </summary>
public sealed class RandomSampler : ISampler
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Validate(SearchSpace space) => [];

    /// <inheritdoc/>
    public ParameterSet? Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SampleSpace(context.Space, context.Random);
    }

    /// <summary>Draws every parameter of <paramref name="space"/> in declared order.</summary>
    internal static ParameterSet SampleSpace(SearchSpace space, Random random)
    {
        var values = new object[space.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = space[i].SampleUniform(random);
        }

        return space.CreateSet(values);
    }
}
