namespace Vigil.ML.Boosting;

/// <summary>Immutable options of <see cref="HistGradientBoostingClassifierLearner"/>: the shared boosting options plus class re-weighting.</summary>
public sealed record HistGradientBoostingClassifierOptions : HistGradientBoostingOptions
{
    /// <summary>Class re-weighting; default <see cref="ClassImbalance.None"/>.</summary>
    public ClassImbalance ClassImbalance { get; init; } = ClassImbalance.None;

    /// <summary>The weight multiplier of class-1 rows under <see cref="ClassImbalance.ScalePosWeight"/>; default 1.</summary>
    public double ScalePosWeight { get; init; } = 1.0;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        Check(errors, Enum.IsDefined(ClassImbalance), $"ClassImbalance {ClassImbalance} is not defined.");
        Check(errors, double.IsFinite(ScalePosWeight) && ScalePosWeight > 0, $"ScalePosWeight must be finite and positive, not {ScalePosWeight}.");
        return errors;
    }
}
