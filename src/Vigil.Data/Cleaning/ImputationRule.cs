namespace Vigil.Data.Cleaning;

/// <summary>One imputation method plus its constant, if it needs one; validated when constructed.</summary>
public sealed record ImputationRule
{
    /// <summary>Creates a rule; <see cref="ImputationMethod.Constant"/> needs exactly one of the two values.</summary>
    /// <param name="method">How to fill missing values.</param>
    /// <param name="numericValue">The constant for numeric columns.</param>
    /// <param name="textValue">The constant for categorical columns, or "true"/"false" for boolean ones.</param>
    public ImputationRule(ImputationMethod method, double? numericValue = null, string? textValue = null)
    {
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentException($"Unknown imputation method {(int)method}.", nameof(method));
        }

        if (method == ImputationMethod.Constant && (numericValue is null) == (textValue is null))
        {
            throw new ArgumentException("A constant imputation rule needs exactly one of numericValue and textValue.", nameof(method));
        }

        if (method != ImputationMethod.Constant && (numericValue is not null || textValue is not null))
        {
            throw new ArgumentException($"Only a constant imputation rule takes a value (method was {method}).", nameof(method));
        }

        if (numericValue is { } v && !double.IsFinite(v))
        {
            throw new ArgumentException($"The constant must be finite (was {v}).", nameof(numericValue));
        }

        (Method, NumericValue, TextValue) = (method, numericValue, textValue);
    }

    /// <summary>Leave missing values.</summary>
    public static ImputationRule None { get; } = new(ImputationMethod.None);

    /// <summary>Fill with the training mean.</summary>
    public static ImputationRule Mean { get; } = new(ImputationMethod.Mean);

    /// <summary>Fill with the training median.</summary>
    public static ImputationRule Median { get; } = new(ImputationMethod.Median);

    /// <summary>Fill with the training mode.</summary>
    public static ImputationRule Mode { get; } = new(ImputationMethod.Mode);

    /// <summary>Interpolate linearly within each group's time series.</summary>
    public static ImputationRule LinearInterpolation { get; } = new(ImputationMethod.LinearInterpolation);

    /// <summary>Carry the last observation forward within each group's time series.</summary>
    public static ImputationRule ForwardFill { get; } = new(ImputationMethod.ForwardFill);

    /// <summary>The method.</summary>
    public ImputationMethod Method { get; }

    /// <summary>The numeric constant, for <see cref="ImputationMethod.Constant"/> on numeric columns.</summary>
    public double? NumericValue { get; }

    /// <summary>The text constant, for <see cref="ImputationMethod.Constant"/> on categorical or boolean columns.</summary>
    public string? TextValue { get; }

    /// <summary>A rule that fills with <paramref name="value"/>.</summary>
    public static ImputationRule Constant(double value) => new(ImputationMethod.Constant, numericValue: value);

    /// <summary>A rule that fills with <paramref name="value"/>.</summary>
    public static ImputationRule Constant(string value) => new(ImputationMethod.Constant, textValue: value);

    /// <summary>Whether the method works only on numbers (mean, median, interpolation).</summary>
    internal bool IsNumericOnly => Method is ImputationMethod.Mean or ImputationMethod.Median or ImputationMethod.LinearInterpolation;

    /// <summary>Whether the method works along each group's time series.</summary>
    internal bool IsSeries => Method is ImputationMethod.LinearInterpolation or ImputationMethod.ForwardFill;
}
