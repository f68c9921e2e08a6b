using System.Globalization;

namespace Vigil.ML.Tuning;

/// <summary>A continuous range <c>[Low, High]</c>, sampled uniformly or log-uniformly.</summary>
/// <param name="Name">The parameter's name, unique within its space.</param>
/// <param name="Low">The lower bound (finite; positive for a log range).</param>
/// <param name="High">The upper bound (finite, above <paramref name="Low"/>).</param>
public sealed record FloatParameter(string Name, double Low, double High) : SearchParameter(Name), INumericParameter
{
    /// <summary>Sample uniformly in log space (needs <c>Low &gt; 0</c>); default false.</summary>
    public bool Log { get; init; }

    /// <summary>Grid search visits this many evenly spaced values including both bounds (log-spaced when <see cref="Log"/>); required by <see cref="GridSampler"/>.</summary>
    public int? GridPoints { get; init; }

    double INumericParameter.TransformedLow => Log ? Math.Log(Low) : Low;

    double INumericParameter.TransformedHigh => Log ? Math.Log(High) : High;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Name}: float [{Low:R}, {High:R}]{(Log ? " log" : "")}");

    double INumericParameter.ToTransformed(object value) => Log ? Math.Log((double)value) : (double)value;

    object INumericParameter.FromTransformed(double transformed) => Math.Clamp(Log ? Math.Exp(transformed) : transformed, Low, High);

    internal override void Validate(List<string> errors)
    {
        ValidateName(errors);
        if (!double.IsFinite(Low) || !double.IsFinite(High) || Low >= High)
        {
            errors.Add($"{Name}: Low and High must be finite with Low < High, not [{Low}, {High}].");
        }

        if (Log && !(Low > 0))
        {
            errors.Add($"{Name}: a log range needs Low > 0, not {Low}.");
        }

        if (GridPoints is < 2)
        {
            errors.Add($"{Name}: GridPoints must be null or at least 2, not {GridPoints}.");
        }
    }

    internal override string? GridProblem() =>
        GridPoints is null ? $"{Name}: a continuous range needs GridPoints for a grid search." : null;

    internal override bool Holds(object? value) => value is double d && d >= Low && d <= High;

    internal override object SampleUniform(Random random)
    {
        var numeric = (INumericParameter)this;
        var t = numeric.TransformedLow + (random.NextDouble() * (numeric.TransformedHigh - numeric.TransformedLow));
        return numeric.FromTransformed(t);
    }

    internal override IReadOnlyList<object> GridValues()
    {
        // Interior points are rounded to 15 significant digits so a log grid over [0.01, 1] reads 0.1, not 0.10000000000000002.
        var points = GridPoints ?? throw new InvalidOperationException(GridProblem());
        var values = new object[points];
        for (var i = 0; i < points; i++)
        {
            var fraction = (double)i / (points - 1);
            var value = Log ? Low * Math.Pow(High / Low, fraction) : Low + ((High - Low) * fraction);
            values[i] = i == 0 ? Low : i == points - 1 ? High : Math.Clamp(double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Low, High);
        }

        return values;
    }
}
