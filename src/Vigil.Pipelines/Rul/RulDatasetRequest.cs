using Vigil.Data.Cmapss;

namespace Vigil.Pipelines.Rul;

/// <summary>How the generic RUL job holds out data.</summary>
public enum RulSplit
{
    /// <summary>Whole units held out (the default and the only honest estimate for unseen units).</summary>
    Group,

    /// <summary>Windows held out at random, ignoring units: overlapping windows of a unit land on both sides and the score leaks.</summary>
    Random,
}

/// <summary>
/// A RUL training request on any per-cycle frame (<c>vigil train --task rul --group G --time T</c>); validated at
/// construction, every invalid setting reported together, each naming its CLI option.
/// </summary>
public sealed record RulDatasetRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="group">The unit column (--group).</param>
    /// <param name="time">The time/cycle column (--time).</param>
    /// <param name="target">A column already holding the RUL (--target), or null to compute min(cap, last time − time) per unit.</param>
    /// <param name="model">The model family (--model).</param>
    /// <param name="window">The window length in cycles (--window).</param>
    /// <param name="cap">The RUL cap (--rul-cap).</param>
    /// <param name="seed">The seed of the split and the learner (--seed).</param>
    /// <param name="split">Unit-level (default) or row-level random hold-out (--split).</param>
    /// <param name="testFraction">The held-out share of units or windows (--test-fraction).</param>
    /// <param name="exclude">Columns that are not sensors (--exclude).</param>
    /// <param name="clip">Whether the saved model clamps predictions to [0, cap] (--clip).</param>
    /// <param name="padding">The rule for units shorter than the window.</param>
    public RulDatasetRequest(
        string? group, string? time, string? target = null, string model = "gbdt", int window = 30, double cap = RulLabels.DefaultCap, int seed = 0,
        RulSplit split = RulSplit.Group, double testFraction = 0.2, IReadOnlyList<string>? exclude = null, bool clip = false, RulPadding padding = RulPadding.RepeatFirstRow)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(group))
        {
            errors.Add("--group: required for --task rul (the column naming each unit)");
        }

        if (string.IsNullOrWhiteSpace(time))
        {
            errors.Add("--time: required for --task rul (the cycle or time column)");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            errors.Add("--model: required");
        }

        if (window < 2)
        {
            errors.Add($"--window: {window} must be at least 2");
        }

        if (!(cap > 0))
        {
            errors.Add($"--rul-cap: {cap} must be positive");
        }

        if (!(testFraction > 0 && testFraction < 1))
        {
            errors.Add($"--test-fraction: {testFraction} must be between 0 and 1");
        }

        if (!Enum.IsDefined(split))
        {
            errors.Add($"--split: {(int)split} is not a RUL split");
        }

        if (errors.Count == 0 && (group == time || group == target || time == target))
        {
            errors.Add($"--group '{group}', --time '{time}' and --target '{target}' must be different columns");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        (Group, Time, Target, Model, Window, Cap, Seed, Split, TestFraction, Exclude, Clip, Padding) =
            (group!, time!, target, model, window, cap, seed, split, testFraction, exclude ?? [], clip, padding);
    }

    /// <summary>The unit column.</summary>
    public string Group { get; }

    /// <summary>The time column.</summary>
    public string Time { get; }

    /// <summary>The column holding the RUL, or null to compute it.</summary>
    public string? Target { get; }

    /// <summary>The model family.</summary>
    public string Model { get; }

    /// <summary>The window length.</summary>
    public int Window { get; }

    /// <summary>The RUL cap.</summary>
    public double Cap { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The hold-out kind.</summary>
    public RulSplit Split { get; }

    /// <summary>The held-out share.</summary>
    public double TestFraction { get; }

    /// <summary>Columns excluded from the sensors.</summary>
    public IReadOnlyList<string> Exclude { get; }

    /// <summary>Whether the model clamps predictions.</summary>
    public bool Clip { get; }

    /// <summary>The short-unit padding rule.</summary>
    public RulPadding Padding { get; }
}
