namespace Vigil.ML.Boosting;

/// <summary>
/// The gradient-boosting loop (Friedman 2001; Chen and Guestrin 2016): per round, gradients of the objective at the
/// current scores, then one histogram tree per output grown on a row sample and a column sample, scores updated from
/// the leaves' row ranges. Every buffer is allocated before the first round. With a validation set the loss is
/// tracked per round and training stops after <c>EarlyStoppingRounds</c> rounds without improvement, keeping the best.
/// </summary>
internal sealed class Booster
{
    private readonly HistGradientBoostingOptions _options;
    private readonly ParallelOptions _parallel;
    private readonly int _degree;

    public Booster(HistGradientBoostingOptions options)
    {
        _options = options;
        _degree = Math.Max(1, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = _degree };
    }

    public int DegreeOfParallelism => _degree;

    public BoostedEnsemble Train(
        FeatureMatrix features, IBoostingObjective objective, FeatureMatrix? validFeatures, IBoostingObjective? validObjective, CancellationToken cancellationToken)
    {
        var o = _options;
        var mapper = BinMapper.Fit(features, o.MaxBins, o.Seed, _parallel);
        var data = mapper.Transform(features, _parallel);
        var valid = validFeatures is null ? null : mapper.Transform(validFeatures, _parallel);
        int n = data.RowCount, width = data.FeatureCount, outputs = objective.Outputs;
        double[] baseScores = o.BaseScore is { } start ? [.. Enumerable.Repeat(start, outputs)] : objective.BaseScores();
        var scores = Filled(baseScores, n);
        var validScores = valid is null ? [] : Filled(baseScores, valid.RowCount);
        var gradients = new GradientPair[outputs * n];
        var grower = new TreeGrower(data, mapper, GrowthSettings.From(o, _degree), _parallel);
        var perTree = o.Growth == TreeGrowth.LeafWise ? (2 * o.MaxLeaves) - 1 : (2 << Math.Min(o.MaxDepth ?? 20, 20)) - 1;
        var builder = new EnsembleBuilder(o.Rounds * outputs, (int)Math.Min((long)o.Rounds * outputs * Math.Min(perTree, (2 * n) + 1), 1 << 20));
        var random = new Random(o.Seed);
        var sample = new int[n];
        var outOfSample = new int[n];
        var columns = new int[width];
        var permutation = new int[width];
        var losses = new double[valid is null ? 0 : o.Rounds];
        var stopAfter = valid is null ? int.MaxValue : o.EarlyStoppingRounds ?? int.MaxValue;
        double best = double.PositiveInfinity;
        int bestRound = -1, rounds = 0;
        for (var round = 0; round < o.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            objective.Gradients(scores, gradients);
            var sampleCount = SampleRows(random, sample, outOfSample, n);
            for (var k = 0; k < outputs; k++)
            {
                var columnCount = SampleColumns(random, columns, permutation);
                sample.AsSpan(0, sampleCount).CopyTo(grower.Rows);
                grower.Grow(gradients.AsSpan(k * n, n), sampleCount, columns, columnCount);
                builder.Add(grower.Tree, mapper);
                Update(grower, data, mapper, scores.AsSpan(k * n, n), outOfSample.AsSpan(0, n - sampleCount));
                if (valid is not null)
                {
                    var vs = validScores.AsSpan(k * valid.RowCount, valid.RowCount);
                    for (var r = 0; r < valid.RowCount; r++)
                    {
                        vs[r] += grower.Tree.Value[grower.Tree.FindLeaf(valid, mapper, r)];
                    }
                }
            }

            rounds = round + 1;
            if (valid is not null)
            {
                losses[round] = validObjective!.Loss(validScores);
                if (losses[round] < best)
                {
                    (best, bestRound) = (losses[round], round);
                }
                else if (round - bestRound >= stopAfter)
                {
                    break;
                }
            }
        }

        var keep = o.EarlyStoppingRounds is not null && valid is not null ? Math.Max(bestRound + 1, 1) : rounds;
        return builder.Build(keep * outputs, outputs, width, baseScores, losses[..(valid is null ? 0 : rounds)]);
    }

    private static double[] Filled(double[] baseScores, int n)
    {
        var scores = new double[baseScores.Length * n];
        for (var k = 0; k < baseScores.Length; k++)
        {
            scores.AsSpan(k * n, n).Fill(baseScores[k]);
        }

        return scores;
    }

    /// <summary>Adds the new tree's leaf values: in-sample rows through the leaves' row ranges, the others by walking the binned tree.</summary>
    private static void Update(TreeGrower grower, BinnedMatrix data, BinMapper mapper, Span<double> scores, ReadOnlySpan<int> outOfSample)
    {
        var tree = grower.Tree;
        var rows = grower.PartitionedRows;
        for (var i = 0; i < tree.Count; i++)
        {
            if (tree.Left[i] == 0)
            {
                var v = tree.Value[i];
                foreach (var r in rows[tree.Begin[i]..tree.End[i]])
                {
                    scores[r] += v;
                }
            }
        }

        foreach (var r in outOfSample)
        {
            scores[r] += tree.Value[tree.FindLeaf(data, mapper, r)];
        }
    }

    /// <summary>Bernoulli row sampling with probability Subsample (XGBoost's uniform sampling); both lists ascending.</summary>
    private int SampleRows(Random random, int[] sample, int[] outOfSample, int n)
    {
        int inCount = 0, outCount = 0;
        var p = _options.Subsample;
        for (var r = 0; r < n; r++)
        {
            if (p >= 1 || random.NextDouble() < p)
            {
                sample[inCount++] = r;
            }
            else
            {
                outOfSample[outCount++] = r;
            }
        }

        return inCount;
    }

    /// <summary>Draws max(1, ⌊fraction·p⌋) features by a partial Fisher–Yates shuffle, returned ascending.</summary>
    private int SampleColumns(Random random, int[] columns, int[] permutation)
    {
        var width = columns.Length;
        var count = Math.Max(1, (int)(_options.ColumnSampleByTree * width));
        for (var f = 0; f < width; f++)
        {
            permutation[f] = f;
        }

        if (count >= width)
        {
            permutation.CopyTo(columns, 0);
            return width;
        }

        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, width);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        permutation.AsSpan(0, count).CopyTo(columns);
        Array.Sort(columns, 0, count);
        return count;
    }
}
