namespace Vigil.ML.Tuning;

/// <summary>
/// A numeric range seen by the samplers in its transformed space: log space for log ranges, and for
/// integers widened by half a step on each side so that rounding makes every value equally likely.
/// </summary>
internal interface INumericParameter
{
    /// <summary>The lower end of the transformed range.</summary>
    double TransformedLow { get; }

    /// <summary>The upper end of the transformed range.</summary>
    double TransformedHigh { get; }

    /// <summary>Maps a value of this parameter (an int or a double) to the transformed space.</summary>
    double ToTransformed(object value);

    /// <summary>Maps a transformed point back to a valid value: exp for log ranges, rounded to the step and clamped.</summary>
    object FromTransformed(double transformed);
}
