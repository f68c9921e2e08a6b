namespace Vigil.ML.Tuning;

/// <summary>One named dimension of a <see cref="SearchSpace"/>; the space validates every parameter when it is built.</summary>
/// <param name="Name">The parameter's name, unique within its space (e.g. <c>max_depth</c>).</param>
public abstract record SearchParameter(string Name)
{
    /// <summary>Adds every problem with this parameter to <paramref name="errors"/>.</summary>
    internal abstract void Validate(List<string> errors);

    /// <summary>Draws a value uniformly (log-uniformly for log ranges) from the whole range.</summary>
    internal abstract object SampleUniform(Random random);

    /// <summary>The values a grid search visits, in ascending (or declared) order; only called on a valid parameter.</summary>
    internal abstract IReadOnlyList<object> GridValues();

    /// <summary>Whether <paramref name="value"/> is a value of this parameter (right type, in range, on the step).</summary>
    internal abstract bool Holds(object? value);

    /// <summary>The grid problem of this parameter (e.g. a continuous range without grid points), or null.</summary>
    internal virtual string? GridProblem() => null;

    /// <summary>Checks the name; derived types add their own checks.</summary>
    private protected void ValidateName(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("Every parameter needs a non-blank name.");
        }
    }
}
