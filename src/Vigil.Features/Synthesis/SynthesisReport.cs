using System.Globalization;

namespace Vigil.Features.Synthesis;

/// <summary>What <see cref="FeatureSynthesis"/> considered, screened, confirmed and kept on the training rows, and why.</summary>
/// <param name="Metric">The out-of-fold metric (higher is better).</param>
/// <param name="BaseScore">The out-of-fold score of the base features alone.</param>
/// <param name="FinalScore">The out-of-fold score with the kept features added.</param>
/// <param name="CandidatesConsidered">How many formulas were proposed.</param>
/// <param name="CrossValidations">How many cross-validations ran.</param>
/// <param name="Candidates">Every candidate, best screen score first.</param>
public sealed record SynthesisReport(SynthesisMetric Metric, double BaseScore, double FinalScore, int CandidatesConsidered, int CrossValidations, IReadOnlyList<SynthesisCandidate> Candidates)
{
    /// <summary>The candidates that reached cross-validation.</summary>
    public IReadOnlyList<SynthesisCandidate> Screened => [.. Candidates.Where(c => c.SoloGain is not null)];

    /// <summary>The kept candidates in the order they were added.</summary>
    public IReadOnlyList<SynthesisCandidate> Kept => [.. Candidates.Where(c => c.Kept).OrderByDescending(c => c.SoloGain)];

    /// <summary>A plain-text report: the summary line, then one line per cross-validated candidate.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(inv, $"synthesis: {CandidatesConsidered} candidates, {Screened.Count} cross-validated ({CrossValidations} CV runs), {Kept.Count} kept; OOF {Metric} {BaseScore:F4} -> {FinalScore:F4}"),
        };
        foreach (var c in Screened.OrderByDescending(c => c.Kept).ThenByDescending(c => c.SoloGain))
        {
            lines.Add(string.Create(inv, $"  {(c.Kept ? "kept   " : "dropped")} {c.Feature.Name,-48} residual share {c.ResidualShare:F4} screen {c.ScreenScore:+0.0000;-0.0000} solo {c.SoloGain:+0.0000;-0.0000} — {c.Reason}"));
        }

        return lines;
    }
}
