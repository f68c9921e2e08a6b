namespace Vigil.ML.Tuning;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio and Kégl 2011, "Algorithms for Hyper-Parameter
/// Optimization", NeurIPS). After <see cref="TpeOptions.StartupTrials"/> random trials the completed trials are
/// split into a good set (the best <see cref="TpeOptions.GoodCount"/> by value, ties by number) and the rest; per
/// parameter a density l(x) is fitted to the good set and g(x) to the rest, <see cref="TpeOptions.CandidateCount"/>
/// candidates are drawn from l and the one maximizing l(x)/g(x) (the expected-improvement maximizer) is kept.
/// Parameters are modelled independently (univariate). Numeric ranges use <see cref="ParzenEstimator"/> in log space
/// for log ranges, integers as a continuous range widened by half a step and rounded; categoricals use counts
/// smoothed by the prior weight spread evenly over the choices. Pruned and failed trials are not modelled.
/// </summary>
public sealed class TpeSampler : ISampler
{
    /// <summary>Creates a sampler; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public TpeSampler(TpeOptions? options = null)
    {
        Options = options ?? new TpeOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid TpeOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The validated options.</summary>
    public TpeOptions Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate(SearchSpace space) => [];

    /// <inheritdoc/>
    public ParameterSet? Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sign = context.Direction == TuningDirection.Minimize ? 1.0 : -1.0;
        var completed = context.History
            .Where(t => t.State == TrialState.Complete && t.Value is double v && double.IsFinite(v))
            .OrderBy(t => sign * t.Value!.Value).ThenBy(t => t.Number)
            .ToArray();
        if (completed.Length == 0 || completed.Length < Options.StartupTrials)
        {
            return RandomSampler.SampleSpace(context.Space, context.Random);
        }

        var goodCount = Options.GoodCount(completed.Length);
        var good = completed.AsSpan(0, goodCount).ToArray().Select(t => t.Parameters).ToArray();
        var bad = completed.AsSpan(goodCount).ToArray().Select(t => t.Parameters).ToArray();
        var space = context.Space;
        var values = new object[space.Count];
        for (var p = 0; p < space.Count; p++)
        {
            values[p] = space[p] switch
            {
                CategoricalParameter c => SampleCategorical(c, Observed(good, c), Observed(bad, c), context.Random),
                var numeric => SampleNumeric((INumericParameter)numeric, Observed(good, numeric), Observed(bad, numeric), context.Random),
            };
        }

        return space.CreateSet(values);
    }

    // Sets that lack the parameter or hold a value outside it (a history from another space) do not inform it.
    private static object[] Observed(ParameterSet[] sets, SearchParameter parameter) =>
        [.. sets.Select(s => s.TryGetValue(parameter.Name, out var v) && parameter.Holds(v) ? v : null).OfType<object>()];

    private object SampleNumeric(INumericParameter parameter, object[] good, object[] bad, Random random)
    {
        var (low, high) = (parameter.TransformedLow, parameter.TransformedHigh);
        var l = new ParzenEstimator([.. good.Select(parameter.ToTransformed)], low, high, Options.PriorWeight);
        var g = new ParzenEstimator([.. bad.Select(parameter.ToTransformed)], low, high, Options.PriorWeight);
        object? best = null;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < Options.CandidateCount; i++)
        {
            var candidate = parameter.FromTransformed(l.Sample(random));
            var x = parameter.ToTransformed(candidate);
            var score = l.LogDensity(x) - g.LogDensity(x);
            if (best is null || score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best!;
    }

    private object SampleCategorical(CategoricalParameter parameter, object[] good, object[] bad, Random random)
    {
        var l = SmoothedProbabilities(parameter, good);
        var g = SmoothedProbabilities(parameter, bad);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < Options.CandidateCount; i++)
        {
            var u = random.NextDouble();
            var k = 0;
            for (var acc = l[0]; k < l.Length - 1 && acc <= u; acc += l[++k])
            {
            }

            var score = Math.Log(l[k]) - Math.Log(g[k]);
            if (best < 0 || score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        return parameter.Choices[best];
    }

    private double[] SmoothedProbabilities(CategoricalParameter parameter, object[] observed)
    {
        var k = parameter.Choices.Count;
        var weights = Enumerable.Repeat(Options.PriorWeight / k, k).ToArray();
        foreach (var value in observed)
        {
            var index = parameter.IndexOf(value);
            if (index >= 0)
            {
                weights[index] += 1.0;
            }
        }

        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }
}
