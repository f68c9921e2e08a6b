namespace Vigil.ML.Trees;

/// <summary>Squared-error pricing: W·Var = Q − S²/W per child, from running weighted sums S = Σwy and W = Σw.</summary>
internal sealed class SquaredErrorSplitSearch(double[] targets, double[] weights, int minSamplesLeaf)
    : RegressionSplitSearch(targets, weights, minSamplesLeaf)
{
    private double _nodeSum, _nodeWeight, _nodeSquares;
    private double _leftSum, _leftWeight, _missingSum, _missingWeight;

    public override double TieScale => _nodeSquares;

    public override double PrepareNode(ReadOnlySpan<int> rows)
    {
        (_nodeSum, _nodeWeight, _nodeSquares) = (0, 0, 0);
        foreach (var r in rows)
        {
            var w = Weights[r];
            var y = Targets[r];
            _nodeSum += w * y;
            _nodeWeight += w;
            _nodeSquares += w * y * y;
        }

        return Math.Max(0, _nodeSquares - Spread(_nodeSum, _nodeWeight));
    }

    public override double LeafValue(ReadOnlySpan<int> rows)
    {
        double s = 0, w = 0;
        foreach (var r in rows)
        {
            s += Weights[r] * Targets[r];
            w += Weights[r];
        }

        return s / w;
    }

    protected override void Reset(ReadOnlySpan<int> present, ReadOnlySpan<int> missing)
    {
        (_leftSum, _leftWeight, _missingSum, _missingWeight) = (0, 0, 0, 0);
        foreach (var r in missing)
        {
            _missingSum += Weights[r] * Targets[r];
            _missingWeight += Weights[r];
        }
    }

    protected override void MoveLeft(int row)
    {
        _leftSum += Weights[row] * Targets[row];
        _leftWeight += Weights[row];
    }

    protected override double Cost(bool missingLeft)
    {
        var ls = _leftSum + (missingLeft ? _missingSum : 0);
        var lw = _leftWeight + (missingLeft ? _missingWeight : 0);
        return Price(ls, lw);
    }

    protected override double CostPresentVersusMissing() => Price(_nodeSum - _missingSum, _nodeWeight - _missingWeight);

    private double Price(double leftSum, double leftWeight) =>
        Math.Max(0, _nodeSquares - Spread(leftSum, leftWeight) - Spread(_nodeSum - leftSum, _nodeWeight - leftWeight));

    private static double Spread(double sum, double weight) => weight > 0 ? sum * sum / weight : 0;
}
