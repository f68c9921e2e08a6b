using System.Globalization;

namespace Vigil.ML.Tuning;

/// <summary>An integer range <c>Low, Low + Step, …, High</c>, sampled uniformly or log-uniformly.</summary>
/// <param name="Name">The parameter's name, unique within its space.</param>
/// <param name="Low">The smallest value.</param>
/// <param name="High">The largest value (inclusive); <c>High − Low</c> must be a multiple of <see cref="Step"/>.</param>
public sealed record IntParameter(string Name, int Low, int High) : SearchParameter(Name), INumericParameter
{
    /// <summary>The spacing of the values; default 1.</summary>
    public int Step { get; init; } = 1;

    /// <summary>Sample uniformly in log space (needs <c>Low ≥ 1</c> and <c>Step = 1</c>); default false.</summary>
    public bool Log { get; init; }

    /// <summary>Grid search visits this many evenly spaced values (log-spaced when <see cref="Log"/>); null (default) visits every value.</summary>
    public int? GridPoints { get; init; }

    private long LastIndex => ((long)High - Low) / Step;

    double INumericParameter.TransformedLow => Log ? Math.Log(Low - 0.5) : Low - (Step / 2.0);

    double INumericParameter.TransformedHigh => Log ? Math.Log(High + 0.5) : High + (Step / 2.0);

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Name}: int [{Low}, {High}]{(Step != 1 ? $" step {Step}" : "")}{(Log ? " log" : "")}");

    double INumericParameter.ToTransformed(object value) => Log ? Math.Log((int)value) : (int)value;

    object INumericParameter.FromTransformed(double transformed) => Snap(Log ? Math.Exp(transformed) : transformed);

    internal override void Validate(List<string> errors)
    {
        ValidateName(errors);
        if (Low > High)
        {
            errors.Add($"{Name}: Low ({Low}) must not exceed High ({High}).");
        }

        if (Step < 1)
        {
            errors.Add($"{Name}: Step must be at least 1, not {Step}.");
        }
        else if (Low <= High && ((long)High - Low) % Step != 0)
        {
            errors.Add($"{Name}: High − Low ({(long)High - Low}) must be a multiple of Step ({Step}).");
        }

        if (Log && (Low < 1 || Step != 1))
        {
            errors.Add($"{Name}: a log range needs Low ≥ 1 and Step = 1.");
        }

        if (GridPoints is < 2)
        {
            errors.Add($"{Name}: GridPoints must be null or at least 2, not {GridPoints}.");
        }
    }

    internal override object SampleUniform(Random random)
    {
        if (!Log)
        {
            return (int)(Low + (random.NextInt64(LastIndex + 1) * Step));
        }

        var numeric = (INumericParameter)this;
        return Snap(Math.Exp(numeric.TransformedLow + (random.NextDouble() * (numeric.TransformedHigh - numeric.TransformedLow))));
    }

    internal override IReadOnlyList<object> GridValues()
    {
        if (GridPoints is not int points || points > LastIndex)
        {
            return [.. Enumerable.Range(0, (int)Math.Min(LastIndex + 1, int.MaxValue)).Select(i => (object)(int)(Low + ((long)i * Step)))];
        }

        var (low, high) = Log ? (Math.Log(Low), Math.Log(High)) : (Low, (double)High);
        var values = new List<object>(points);
        for (var i = 0; i < points; i++)
        {
            var t = low + ((high - low) * i / (points - 1));
            var value = Snap(Log ? Math.Exp(t) : t);
            if (values.Count == 0 || (int)values[^1] != value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    internal override bool Holds(object? value) => value is int i && i >= Low && i <= High && ((long)i - Low) % Step == 0;

    private int Snap(double value)
    {
        var index = Math.Clamp(Math.Round((value - Low) / Step), 0, LastIndex);
        return (int)(Low + ((long)index * Step));
    }
}
