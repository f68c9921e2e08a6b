namespace Vigil.Features.Transforms;

/// <summary>What <c>one_hot</c> does with a category that was not seen in training.</summary>
public enum UnknownCategoryPolicy
{
    /// <summary>All the column's indicators are 0 for that row.</summary>
    Ignore,

    /// <summary>Throw an <see cref="ArgumentException"/> naming the column, the value and the row.</summary>
    Error,

    /// <summary>Set an extra <c>&lt;col&gt;=&lt;other&gt;</c> indicator, added at fit time.</summary>
    Other,
}
