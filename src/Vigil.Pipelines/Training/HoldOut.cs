using Vigil.Data.Frames;
using Vigil.Data.Splits;

namespace Vigil.Pipelines.Training;

/// <summary>Draws the held-out test rows of a training job.</summary>
public static class HoldOut
{
    /// <summary>The train/test indices and a name for the split; <paramref name="labels"/> are the class indices when classifying.</summary>
    public static (TrainTestIndices Split, string Kind) Split(DataFrame frame, TrainingRequest request, int[]? labels)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(request);
        switch (request.HoldOut)
        {
            case HoldOutKind.Time:
                var time = TimeKeys(frame, request.TimeColumn!);
                return request.GroupColumn is null
                    ? (TimeOrderedSplit.Split<double>(time, request.TestFraction), "time")
                    : (TimeOrderedSplit.Split<double, string>(time, GroupKeys(frame, request.GroupColumn), request.TestFraction), "time-per-group");
            case HoldOutKind.Group:
                return (GroupSplit.Split<string>(GroupKeys(frame, request.GroupColumn!), request.TestFraction, request.Seed), "group");
            case HoldOutKind.Random:
                return (RandomSplit(frame.RowCount, request.TestFraction, request.Seed), "random");
            default:
                return labels is not null
                    ? (StratifiedSplit.Split(labels, request.TestFraction, request.Seed), "stratified")
                    : (RandomSplit(frame.RowCount, request.TestFraction, request.Seed), "random");
        }
    }

    /// <summary>A seeded uniformly random split with round(n·fraction) test rows, both index lists sorted.</summary>
    public static TrainTestIndices RandomSplit(int rows, double testFraction, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var testCount = (int)Math.Round(rows * testFraction, MidpointRounding.AwayFromZero);
        var test = order[..testCount];
        var train = order[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return new TrainTestIndices(train, test);
    }

    private static double[] TimeKeys(DataFrame frame, string column) => frame[column] switch
    {
        Float64Column f => f.ToArray(),
        TimestampColumn t => [.. t.Ticks.ToArray().Select(v => (double)v)],
        var other => throw new ArgumentException($"Time column '{column}' is {other.Kind}; it must be numeric or a timestamp."),
    };

    private static string[] GroupKeys(DataFrame frame, string column)
    {
        var c = frame[column];
        return [.. Enumerable.Range(0, c.Length).Select(c.Format)];
    }
}
