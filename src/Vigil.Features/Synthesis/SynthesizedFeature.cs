namespace Vigil.Features.Synthesis;

/// <summary>One synthesized column: a formula over one or two numeric parent columns.</summary>
/// <param name="Name">The output column name, e.g. <c>Torque [Nm]*Rotational speed [rpm]</c>.</param>
/// <param name="Operation">How the parents are combined.</param>
/// <param name="Left">The first parent column.</param>
/// <param name="Right">The second parent column; null for <see cref="SynthesisOperation.Square"/>.</param>
/// <param name="Guard">For ratios, the smallest |denominator| that gives a value (smaller gives NaN); 0 otherwise.</param>
public sealed record SynthesizedFeature(string Name, SynthesisOperation Operation, string Left, string? Right, double Guard = 0)
{
    /// <summary>The formula in words, e.g. <c>product(Torque [Nm], Rotational speed [rpm])</c>.</summary>
    public string Formula => Right is null ? $"{Operation.ToString().ToLowerInvariant()}({Left})" : $"{Operation.ToString().ToLowerInvariant()}({Left}, {Right})";

    /// <summary>The column names a feature gets by default: <c>a*b</c>, <c>a/b</c>, <c>a-b</c>, <c>a+b</c>, <c>a^2</c>.</summary>
    public static string DefaultName(SynthesisOperation operation, string left, string? right) => operation switch
    {
        SynthesisOperation.Product => $"{left}*{right}",
        SynthesisOperation.Ratio => $"{left}/{right}",
        SynthesisOperation.Difference => $"{left}-{right}",
        SynthesisOperation.Sum => $"{left}+{right}",
        SynthesisOperation.Square => $"{left}^2",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown synthesis operation."),
    };

    /// <summary>Computes the feature for every row; a missing (NaN) parent gives NaN.</summary>
    public double[] Compute(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        if (Operation != SynthesisOperation.Square && right.Length != left.Length)
        {
            throw new ArgumentException($"Parents of '{Name}' have {left.Length} and {right.Length} rows.", nameof(right));
        }

        var output = new double[left.Length];
        for (var i = 0; i < output.Length; i++)
        {
            var a = left[i];
            output[i] = Operation switch
            {
                SynthesisOperation.Product => a * right[i],
                SynthesisOperation.Ratio => Math.Abs(right[i]) < Guard || right[i] == 0 ? double.NaN : a / right[i],
                SynthesisOperation.Difference => a - right[i],
                SynthesisOperation.Sum => a + right[i],
                _ => a * a,
            };
        }

        return output;
    }
}
