namespace Vigil.Features.Transforms;

/// <summary>What <c>one_hot</c> does with a missing value.</summary>
public enum MissingCategoryPolicy
{
    /// <summary>Set an extra <c>&lt;col&gt;=&lt;missing&gt;</c> indicator, added at fit time.</summary>
    Indicator,

    /// <summary>All the column's indicators are NaN for that row, so downstream learners see it as missing.</summary>
    NaN,
}
