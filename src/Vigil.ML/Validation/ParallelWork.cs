using System.Runtime.ExceptionServices;

namespace Vigil.ML.Validation;

/// <summary>
/// Runs independent, pre-seeded work items (folds, ensemble members) sequentially or in parallel; results are
/// stored by index, so the outcome never depends on the degree of parallelism or on scheduling.
/// </summary>
internal static class ParallelWork
{
    public static T[] Run<T>(int count, int maxDegreeOfParallelism, Func<int, T> work, CancellationToken cancellationToken)
    {
        var results = new T[count];
        if (maxDegreeOfParallelism == 1 || count < 2)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = work(i);
            }

            return results;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, count, options, i => results[i] = work(i));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return results;
    }

    /// <summary>The problem with a MaxDegreeOfParallelism setting, or null: −1 (all cores) or at least 1.</summary>
    public static string? Check(int maxDegreeOfParallelism) =>
        maxDegreeOfParallelism is -1 or >= 1 ? null : $"MaxDegreeOfParallelism must be -1 (all cores) or at least 1, not {maxDegreeOfParallelism}.";
}
