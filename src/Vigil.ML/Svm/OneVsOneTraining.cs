namespace Vigil.ML.Svm;

/// <summary>
/// Trains every class pair's binary SVM plus its k cross-validation fits (for the Platt sigmoid) as independent
/// tasks in a parallel loop; each task writes only its own slots, and fold permutations are seeded per pair up
/// front, so the result is the same for any degree of parallelism.
/// </summary>
internal sealed class OneVsOneTraining(double[] x, int d, int[] labels, double[] weights, double c, KernelFunction kernel, SvmTraining training, int folds, int seed)
{
    public PairModel[] Run((int A, int B)[] pairs, int parallelism, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var problems = pairs.Select(p => Problem(p.A, p.B, random.Next())).ToArray();
        var finals = new BinarySvm[pairs.Length];
        var tasks = pairs.Length * (folds + 1);
        Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, task =>
        {
            var (p, fold) = (task / (folds + 1), (task % (folds + 1)) - 1);
            var problem = problems[p];
            if (fold < 0)
            {
                finals[p] = BinarySvm.Train(x, d, problem.Rows, problem.Y, problem.C, kernel, training, cancellationToken);
                return;
            }

            var n = problem.Rows.Length;
            var (start, end) = (fold * n / folds, (fold + 1) * n / folds);
            var held = problem.Permutation.AsSpan(start, end - start).ToArray();
            var inFold = new bool[n];
            foreach (var h in held)
            {
                inFold[h] = true;
            }

            var keep = Enumerable.Range(0, n).Where(i => !inFold[i]).ToArray();
            var svm = BinarySvm.Train(x, d, [.. keep.Select(i => problem.Rows[i])], [.. keep.Select(i => problem.Y[i])], [.. keep.Select(i => problem.C[i])], kernel, training, cancellationToken);
            svm.Decide(x, d, [.. held.Select(h => problem.Rows[h])], held, kernel, problem.Decisions);
        });

        var result = new PairModel[pairs.Length];
        for (var p = 0; p < pairs.Length; p++)
        {
            var (a, b) = PlattScaling.Fit(problems[p].Decisions, [.. problems[p].Y.Select(v => v > 0)]);
            result[p] = new PairModel(pairs[p].A, pairs[p].B, finals[p], a, b);
        }

        return result;
    }

    private PairProblem Problem(int classA, int classB, int pairSeed)
    {
        var rows = Enumerable.Range(0, labels.Length).Where(r => weights[r] > 0 && (labels[r] == classA || labels[r] == classB)).ToArray();
        var y = rows.Select(r => labels[r] == classB ? (sbyte)1 : (sbyte)-1).ToArray();
        var bounds = rows.Select(r => c * weights[r]).ToArray();
        var permutation = Enumerable.Range(0, rows.Length).ToArray();
        new Random(pairSeed).Shuffle(permutation);
        return new PairProblem(rows, y, bounds, permutation, new double[rows.Length]);
    }

    private sealed record PairProblem(int[] Rows, sbyte[] Y, double[] C, int[] Permutation, double[] Decisions);
}

/// <summary>A trained class pair: the SVM (positive decision favours <paramref name="ClassB"/>) and its Platt sigmoid P(B | A or B) = 1 / (1 + e^{A·f + B}).</summary>
internal sealed record PairModel(int ClassA, int ClassB, BinarySvm Svm, double PlattA, double PlattB);
