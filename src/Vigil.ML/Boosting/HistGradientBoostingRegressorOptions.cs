namespace Vigil.ML.Boosting;

/// <summary>Immutable options of <see cref="HistGradientBoostingRegressorLearner"/>: the shared boosting options plus the loss.</summary>
public sealed record HistGradientBoostingRegressorOptions : HistGradientBoostingOptions
{
    /// <summary>The loss to minimize; default <see cref="RegressionLoss.SquaredError"/>.</summary>
    public RegressionLoss Loss { get; init; } = RegressionLoss.SquaredError;

    /// <summary>Huber's threshold δ on the residual; default 1. Used only by <see cref="RegressionLoss.Huber"/>.</summary>
    public double HuberDelta { get; init; } = 1.0;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        Check(errors, Enum.IsDefined(Loss), $"Loss {Loss} is not defined.");
        Check(errors, double.IsFinite(HuberDelta) && HuberDelta > 0, $"HuberDelta must be finite and positive, not {HuberDelta}.");
        return errors;
    }
}
