namespace Vigil.Data.Cleaning;

/// <summary>What series imputation does with gaps that have no observed value on one side: a series' leading gap, or an interpolation's trailing gap.</summary>
public enum EdgeGapPolicy
{
    /// <summary>Copy the nearest observed value of the same series: backward fill for a leading gap, forward fill for a trailing one.</summary>
    NearestObserved,

    /// <summary>Leave the edge gap missing; the report counts it as left missing.</summary>
    Leave,
}
