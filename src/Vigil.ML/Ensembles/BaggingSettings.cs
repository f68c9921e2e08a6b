namespace Vigil.ML.Ensembles;

/// <summary>The sampling settings shared by the bagging classifier and regressor, with their checks and per-member draws.</summary>
internal static class BaggingSettings
{
    public static void Validate(int memberCount, double sampleFraction, double featureFraction, int maxDegreeOfParallelism, List<string> errors)
    {
        if (memberCount < 1)
        {
            errors.Add($"MemberCount must be at least 1, not {memberCount}.");
        }

        if (!(sampleFraction > 0 && sampleFraction <= 1))
        {
            errors.Add($"SampleFraction must lie in (0, 1], not {sampleFraction}.");
        }

        if (!(featureFraction > 0 && featureFraction <= 1))
        {
            errors.Add($"FeatureFraction must lie in (0, 1], not {featureFraction}.");
        }

        EnsembleChecks.Parallelism(maxDegreeOfParallelism, errors);
    }

    /// <summary>One seed per member, drawn up front from the options' seed so parallel and sequential fits agree bit for bit.</summary>
    public static int[] MemberSeeds(int seed, int memberCount)
    {
        var random = new Random(seed);
        var seeds = new int[memberCount];
        for (var m = 0; m < seeds.Length; m++)
        {
            seeds[m] = random.Next();
        }

        return seeds;
    }

    /// <summary>
    /// A member's row weights (draw counts × the data's own weights) and optional column subset. With bootstrap,
    /// round(n × sampleFraction) rows are drawn with replacement; without, that many distinct rows.
    /// </summary>
    public static (double[] Weights, ColumnSubset? Columns) Draw(TrainingSet data, int memberSeed, bool bootstrap, double sampleFraction, double featureFraction)
    {
        var random = new Random(memberSeed);
        var n = data.RowCount;
        var draws = Math.Max(1, (int)Math.Round(n * sampleFraction, MidpointRounding.AwayFromZero));
        var weights = new double[n];
        if (bootstrap)
        {
            for (var i = 0; i < draws; i++)
            {
                weights[random.Next(n)] += 1;
            }
        }
        else
        {
            var rows = Enumerable.Range(0, n).ToArray();
            for (var i = 0; i < draws; i++)
            {
                var j = i + random.Next(n - i);
                (rows[i], rows[j]) = (rows[j], rows[i]);
                weights[rows[i]] = 1;
            }
        }

        for (var i = 0; i < n; i++)
        {
            weights[i] *= data.WeightOf(i);
        }

        var p = data.FeatureCount;
        var keep = Math.Max(1, (int)Math.Round(p * featureFraction, MidpointRounding.AwayFromZero));
        return (weights, keep >= p ? null : ColumnSubset.Draw(p, keep, random));
    }
}
