namespace Vigil.ML.Clustering;

/// <summary>One seeded k-means++ initialization followed by Lloyd iterations; empty clusters move to the point farthest from its centroid.</summary>
internal sealed record LloydRun(double[] Centroids, double Inertia, int Iterations)
{
    public static LloydRun Run(FeatureMatrix features, int k, int seed, int maxIterations, double tolerance)
    {
        var (n, d) = (features.RowCount, features.ColumnCount);
        var x = features.Values;
        var random = new Random(seed);
        var centroids = KMeansPlusPlus(features, k, random);
        var labels = new int[n];
        var distances = new double[n];
        var sums = new double[k * d];
        var counts = new int[k];
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            Assign(x, d, centroids, labels, distances);
            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (var f = 0; f < d; f++)
                {
                    sums[(labels[i] * d) + f] += x[(i * d) + f];
                }
            }

            RelocateEmpty(x, d, counts, sums, labels, distances);
            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                for (var f = 0; f < d; f++)
                {
                    var updated = sums[(c * d) + f] / counts[c];
                    var delta = updated - centroids[(c * d) + f];
                    shift += delta * delta;
                    centroids[(c * d) + f] = updated;
                }
            }

            if (shift <= tolerance)
            {
                break;
            }
        }

        Assign(x, d, centroids, labels, distances);
        return new LloydRun(centroids, distances.Sum(), iterations);
    }

    private static double[] KMeansPlusPlus(FeatureMatrix features, int k, Random random)
    {
        var (n, d) = (features.RowCount, features.ColumnCount);
        var centroids = new double[k * d];
        features.Row(random.Next(n)).CopyTo(centroids.AsSpan(0, d));
        var closest = new double[n];
        for (var i = 0; i < n; i++)
        {
            closest[i] = SquaredDistance(features.Row(i), centroids.AsSpan(0, d));
        }

        var trials = 2 + (int)Math.Log(k);
        var candidate = new double[n];
        var bestClosest = new double[n];
        for (var c = 1; c < k; c++)
        {
            var total = closest.Sum();
            var (bestRow, bestPotential) = (-1, double.PositiveInfinity);
            for (var t = 0; t < trials; t++)
            {
                var row = Sample(closest, total, random);
                var potential = 0.0;
                for (var i = 0; i < n; i++)
                {
                    candidate[i] = Math.Min(closest[i], SquaredDistance(features.Row(i), features.Row(row)));
                    potential += candidate[i];
                }

                if (potential < bestPotential)
                {
                    (bestRow, bestPotential) = (row, potential);
                    candidate.CopyTo(bestClosest, 0);
                }
            }

            features.Row(bestRow).CopyTo(centroids.AsSpan(c * d, d));
            bestClosest.CopyTo(closest, 0);
        }

        return centroids;
    }

    /// <summary>A row drawn with probability proportional to its weight (uniformly when every weight is 0).</summary>
    private static int Sample(double[] weights, double total, Random random)
    {
        if (!(total > 0))
        {
            return random.Next(weights.Length);
        }

        var target = random.NextDouble() * total;
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative > target)
            {
                return i;
            }
        }

        return Array.FindLastIndex(weights, w => w > 0);
    }

    private static void Assign(ReadOnlySpan<double> x, int d, double[] centroids, int[] labels, double[] distances)
    {
        var k = centroids.Length / d;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = x.Slice(i * d, d);
            var (best, bestDistance) = (0, double.PositiveInfinity);
            for (var c = 0; c < k; c++)
            {
                var distance = SquaredDistance(row, centroids.AsSpan(c * d, d));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (c, distance);
                }
            }

            labels[i] = best;
            distances[i] = bestDistance;
        }
    }

    private static void RelocateEmpty(ReadOnlySpan<double> x, int d, int[] counts, double[] sums, int[] labels, double[] distances)
    {
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                continue;
            }

            var far = -1;
            for (var i = 0; i < labels.Length; i++)
            {
                if (counts[labels[i]] > 1 && (far < 0 || distances[i] > distances[far]))
                {
                    far = i;
                }
            }

            var old = labels[far];
            counts[old]--;
            counts[c] = 1;
            for (var f = 0; f < d; f++)
            {
                sums[(old * d) + f] -= x[(far * d) + f];
                sums[(c * d) + f] = x[(far * d) + f];
            }

            labels[far] = c;
            distances[far] = 0;
        }
    }

    internal static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            var diff = a[f] - b[f];
            sum += diff * diff;
        }

        return sum;
    }
}
