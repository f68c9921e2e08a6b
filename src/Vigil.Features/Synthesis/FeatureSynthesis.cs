using System.Globalization;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;

namespace Vigil.Features.Synthesis;

/// <summary>
/// The <c>synthesize</c> step: proposes products, ratios, differences (and optionally sums and squares) of numeric column
/// pairs, one level of Deep Feature Synthesis (Kanter and Veeramachaneni 2015, IEEE DSAA); screens them by how much of a
/// base model's out-of-fold residual each explains beyond its parents (OpenFE's feature boosting, Zhang et al. 2023); confirms the best by greedy forward selection (Guyon and Elisseeff 2003, JMLR 3)
/// (every screened candidate is tried, best solo gain first, since a feature may pay only next to others)
/// on out-of-fold scores of a small GBDT on the TRAINING rows only; keeps at most <see cref="FeatureSynthesisOptions.MaxFeatures"/>.
/// </summary>
public sealed class FeatureSynthesis : IFeatureTransform
{
    /// <summary>Creates the step; throws <see cref="ArgumentException"/> listing every problem with <paramref name="options"/>.</summary>
    public FeatureSynthesis(FeatureSynthesisOptions? options = null)
    {
        Options = options ?? new FeatureSynthesisOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid feature synthesis options: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The options.</summary>
    public FeatureSynthesisOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "synthesize";

    /// <inheritdoc/>
    IFittedFeatureTransform IFeatureTransform.Fit(DataFrame training, FeatureFitContext context) => Fit(training, context);

    /// <summary>Scores candidates on <paramref name="training"/> only and returns the fitted step with its <see cref="SynthesisReport"/>.</summary>
    public FittedFeatureSynthesis Fit(DataFrame training, FeatureFitContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var target = SupervisedTarget.Read(training, context, Options.Task, Name);
        var skip = new HashSet<string>(Options.Exclude.Append(context.Target).Append(context.GroupColumn).Append(context.TimeColumn).OfType<string>(), StringComparer.Ordinal);
        var numeric = NumericColumns(training, skip);
        var guards = numeric.ToDictionary(n => n, n => Options.RatioGuard * MeanAbs(training.Get<Float64Column>(n).Values), StringComparer.Ordinal);
        var proposed = SynthesisCandidates.Propose(numeric, Options.Operations, n => guards[n]);

        var encoding = new TabularEncoder(new TabularEncoderOptions { Target = context.Target, Exclude = [.. skip.Where(training.Contains).Where(n => n != context.Target)] }).Fit(training);
        var baseMatrix = encoding.Transform(training);
        var baseColumns = Enumerable.Range(0, baseMatrix.ColumnCount).Select(c => Column(baseMatrix, c)).ToArray();
        var scorer = new OutOfFoldScorer(baseColumns, target, Options.Folds, Options.Metric, Options.ScoringRounds, Options.ScoringMaxDepth, Options.ScoringLearningRate, context.Seed, Options.MaxDegreeOfParallelism);

        // 1. Screen: the share of the base model's out-of-fold residual each candidate explains alone, minus its best parent's.
        var (baseScore, residuals, outputs) = scorer.ScoreWithResiduals([], cancellationToken);
        var screen = new ResidualScreen(residuals, outputs, Options.ScreenDepth, Options.ScreenMinLeaf);
        var parentShare = numeric.ToDictionary(n => n, n => screen.Explained(training.Get<Float64Column>(n).Values), StringComparer.Ordinal);
        var values = new Dictionary<SynthesizedFeature, double[]>();
        var screened = new List<(SynthesizedFeature Feature, double Share, double Score)>();
        foreach (var f in proposed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var v = Compute(f, training);
            var share = screen.Explained(v);
            var parents = f.Right is null ? parentShare[f.Left] : Math.Max(parentShare[f.Left], parentShare[f.Right]);
            values[f] = v;
            screened.Add((f, share, share - parents));
        }

        screened = [.. screened.OrderByDescending(s => s.Score).ThenBy(s => s.Feature.Name, StringComparer.Ordinal)];
        var top = screened.Take(Options.ScreenTop).Select(s => s.Feature).ToHashSet();

        // 2. Confirm: out-of-fold gain of each screened candidate alone, then greedy forward selection in that order.
        var solo = top.ToDictionary(f => f, f => scorer.Score([values[f]], cancellationToken) - baseScore);
        var kept = new List<SynthesizedFeature>();
        var gains = new Dictionary<SynthesizedFeature, double>();
        var reasons = new Dictionary<SynthesizedFeature, string>();
        var current = baseScore;
        foreach (var f in solo.Keys.OrderByDescending(f => solo[f]).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (kept.Count >= Options.MaxFeatures)
            {
                reasons[f] = $"not tried: {Options.MaxFeatures} features already kept";
                continue;
            }

            var score = kept.Count == 0 ? baseScore + solo[f] : scorer.Score([.. kept.Append(f).Select(k => values[k])], cancellationToken);
            gains[f] = score - current;
            if (Pays(scorer.Metric, current, score))
            {
                kept.Add(f);
                reasons[f] = Inv($"adds {gains[f]:+0.0000} OOF {scorer.Metric} ({Relative(scorer.Metric, current, score):P1} of the headroom) to base + {kept.Count - 1} kept");
                current = score;
            }
            else
            {
                reasons[f] = Inv($"adds only {gains[f]:+0.0000;-0.0000} ({Relative(scorer.Metric, current, score):P1} of the headroom) after {string.Join(", ", kept.Select(k => k.Name))}");
            }
        }

        var candidates = screened.Select(s => new SynthesisCandidate(
            s.Feature, s.Share, s.Score, solo.TryGetValue(s.Feature, out var g) ? g : null, gains.TryGetValue(s.Feature, out var m) ? m : null,
            kept.Contains(s.Feature), reasons.TryGetValue(s.Feature, out var r) ? r : Inv($"screened out: rank > {Options.ScreenTop} by residual share explained beyond its parents"))).ToList();
        var report = new SynthesisReport(scorer.Metric, baseScore, current, proposed.Count, scorer.Evaluations, candidates);
        return new FittedFeatureSynthesis(kept, [.. kept.Select(k => gains[k])], report);
    }

    /// <summary>Whether moving from <paramref name="before"/> to <paramref name="after"/> clears both the absolute and the relative bar.</summary>
    private bool Pays(SynthesisMetric metric, double before, double after) => after - before >= Options.MinGain && Relative(metric, before, after) >= Options.MinRelativeGain;

    /// <summary>The share of the headroom removed: (after − before) / (best − before), best = 1 (AP, AUC, R²) or 0 (negative log loss, always ≤ 0).</summary>
    private static double Relative(SynthesisMetric metric, double before, double after)
    {
        var headroom = (metric == SynthesisMetric.NegativeLogLoss ? 0 : 1) - before;
        return headroom <= 0 ? 0 : (after - before) / headroom;
    }

    internal static double[] Compute(SynthesizedFeature f, DataFrame frame) =>
        f.Compute(frame.Get<Float64Column>(f.Left).Values, f.Right is null ? default : frame.Get<Float64Column>(f.Right).Values);

    private List<string> NumericColumns(DataFrame training, HashSet<string> skip)
    {
        if (Options.Columns is { } allow)
        {
            var bad = allow.Where(n => !training.TryGetColumn(n, out var c) || c is not Float64Column).ToList();
            return bad.Count == 0 ? [.. allow]
                : throw new ArgumentException($"Synthesis columns must be Float64 columns of the training frame: {string.Join(", ", bad.Select(b => $"'{b}'"))}.", nameof(training));
        }

        return [.. training.Columns.Where(c => c is Float64Column && !skip.Contains(c.Name)).Select(c => c.Name)];
    }

    private static double MeanAbs(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += Math.Abs(v);
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    private static double[] Column(Vigil.ML.FeatureMatrix m, int c)
    {
        var result = new double[m.RowCount];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = m[r, c];
        }

        return result;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
