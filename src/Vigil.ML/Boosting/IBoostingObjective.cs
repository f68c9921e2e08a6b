namespace Vigil.ML.Boosting;

/// <summary>A differentiable loss bound to one data set's targets and weights (Friedman 2001, "Greedy function approximation").</summary>
internal interface IBoostingObjective
{
    /// <summary>Trees per round: 1, or the class count for softmax.</summary>
    int Outputs { get; }

    /// <summary>The number of rows the objective is bound to.</summary>
    int RowCount { get; }

    /// <summary>The constant raw scores that minimize the loss (the prior), one per output.</summary>
    double[] BaseScores();

    /// <summary>Writes g and h of every row and output, output-major (output k of row r at k·n + r), from output-major raw scores.</summary>
    void Gradients(ReadOnlySpan<double> scores, Span<GradientPair> gradients);

    /// <summary>The weighted mean loss of output-major raw scores (used for early stopping).</summary>
    double Loss(ReadOnlySpan<double> scores);
}
