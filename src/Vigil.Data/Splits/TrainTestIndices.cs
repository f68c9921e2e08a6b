namespace Vigil.Data.Splits;

/// <summary>The row indices of a train/test split, each list in ascending row order.</summary>
public sealed class TrainTestIndices
{
    private readonly int[] _train;
    private readonly int[] _test;

    /// <summary>Creates a split that takes ownership of both index arrays.</summary>
    public TrainTestIndices(int[] train, int[] test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        _train = train;
        _test = test;
    }

    /// <summary>The training rows, ascending.</summary>
    public ReadOnlySpan<int> Train => _train;

    /// <summary>The test rows, ascending.</summary>
    public ReadOnlySpan<int> Test => _test;

    /// <summary>The number of training rows.</summary>
    public int TrainCount => _train.Length;

    /// <summary>The number of test rows.</summary>
    public int TestCount => _test.Length;
}
