namespace Vigil.ML.Ensembles;

/// <summary>Immutable options of <see cref="LinearCombinerLearner"/>; <see cref="Validate"/> reports every problem at once.</summary>
public sealed record LinearCombinerOptions
{
    /// <summary>Constrain every coefficient to be ≥ 0, as Breiman's stacked regression does; default true.</summary>
    public bool NonNegative { get; init; } = true;

    /// <summary>Fit an unconstrained intercept; default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>The L2 penalty added to every coefficient's curvature (ridge); default 0.</summary>
    public double L2 { get; init; }

    /// <summary>The most coordinate-descent sweeps; default 10,000.</summary>
    public int MaxSweeps { get; init; } = 10_000;

    /// <summary>Stop when no coefficient moves by more than this in a sweep; default 1e−12.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(L2) || L2 < 0)
        {
            errors.Add($"L2 must be finite and non-negative, not {L2}.");
        }

        if (MaxSweeps < 1)
        {
            errors.Add($"MaxSweeps must be at least 1, not {MaxSweeps}.");
        }

        if (!(Tolerance > 0))
        {
            errors.Add($"Tolerance must be positive, not {Tolerance}.");
        }

        return errors;
    }
}
