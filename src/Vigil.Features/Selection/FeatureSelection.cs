using System.Globalization;
using Vigil.Data.Frames;
using Vigil.Features.Synthesis;

namespace Vigil.Features.Selection;

/// <summary>
/// The <c>select</c> step, fitted on training rows only: drops constant columns; then near-duplicate numeric columns
/// (|Pearson r| above the threshold with a column already kept — columns are visited most relevant first (the share of the
/// target's variance a depth-3 tree on the column alone explains) when <see cref="FeatureSelectionOptions.PreferInformative"/> and a target is set,
/// else in frame order, so the earlier column wins ties); then, optionally, all but the top k numeric columns by
/// that relevance or out-of-fold permutation importance (Breiman 2001, Machine Learning 45).
/// </summary>
public sealed class FeatureSelection : IFeatureTransform
{
    /// <summary>Creates the step; throws <see cref="ArgumentException"/> listing every problem with <paramref name="options"/>.</summary>
    public FeatureSelection(FeatureSelectionOptions? options = null)
    {
        Options = options ?? new FeatureSelectionOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid feature selection options: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The options.</summary>
    public FeatureSelectionOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "select";

    /// <inheritdoc/>
    IFittedFeatureTransform IFeatureTransform.Fit(DataFrame training, FeatureFitContext context) => Fit(training, context);

    /// <summary>Applies the rules to <paramref name="training"/> and returns the fitted step with its <see cref="SelectionReport"/>.</summary>
    public FittedFeatureSelection Fit(DataFrame training, FeatureFitContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(context);
        var skip = new HashSet<string>(Options.Exclude.Append(context.Target).Append(context.GroupColumn).Append(context.TimeColumn).OfType<string>(), StringComparer.Ordinal);
        var considered = Options.Columns is { } allow
            ? [.. allow.Select(n => training.Contains(n) ? n : throw new ArgumentException($"Selection column '{n}' is not in the training frame.", nameof(training)))]
            : training.ColumnNames.Where(n => !skip.Contains(n)).ToList();
        var dropped = new List<DroppedColumn>();
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Options.DropConstant)
        {
            dropped.AddRange(considered.Where(n => IsConstant(training[n])).Select(n => new DroppedColumn(n, DropReason.Constant, "one value on the training rows")));
        }

        var numeric = considered.Where(n => training[n] is Float64Column && dropped.TrueForAll(d => d.Column != n)).ToList();
        var target = context.Target is null ? null : SupervisedTarget.Read(training, context, SynthesisTask.Auto, Name);
        if (target is not null && (Options.PreferInformative || Options is { TopK: not null, Ranking: SelectionRanking.Relevance }))
        {
            var relevance = target.Relevance();
            foreach (var n in numeric)
            {
                scores[n] = relevance.Explained(training.Get<Float64Column>(n).Values);
            }
        }

        var order = target is not null && Options.PreferInformative
            ? [.. numeric.OrderByDescending(n => Math.Round(scores[n], 12))] // stable: frame order breaks ties
            : numeric;
        var kept = new List<string>();
        foreach (var n in order)
        {
            var twin = Options.CorrelationThreshold >= 1 ? default
                : kept.Select(k => (k, r: Pearson(training.Get<Float64Column>(n).Values, training.Get<Float64Column>(k).Values))).FirstOrDefault(p => Math.Abs(p.r) > Options.CorrelationThreshold);
            if (twin is { k: not null } t)
            {
                dropped.Add(new DroppedColumn(n, DropReason.NearDuplicate, Inv($"|r| = {Math.Abs(t.r):F4} > {Options.CorrelationThreshold} with kept '{t.k}'")));
            }
            else
            {
                kept.Add(n);
            }
        }

        if (Options.TopK is { } k && kept.Count > k)
        {
            if (target is null)
            {
                throw new ArgumentException("A top-k selection needs FeatureFitContext.Target.", nameof(context));
            }

            if (Options.Ranking == SelectionRanking.PermutationImportance)
            {
                var importance = OutOfFoldPermutation.Rank(training, kept, target, Options.Folds, Options.Repeats, context.Seed, cancellationToken);
                foreach (var (n, s) in importance)
                {
                    scores[n] = s;
                }
            }

            var ranked = kept.Select((n, i) => (n, i)).OrderByDescending(p => scores[p.n]).ThenBy(p => p.i).Select(p => p.n).ToList();
            dropped.AddRange(ranked.Skip(k).Select(n => new DroppedColumn(n, DropReason.BelowTopK, Inv($"{Options.Ranking} {scores[n]:F4} ranks below the top {k}"))));
        }

        return new FittedFeatureSelection([.. dropped.Select(d => d.Column)], new SelectionReport(considered, dropped, scores));
    }

    private static bool IsConstant(Column column)
    {
        object? first = null;
        for (var r = 0; r < column.Length; r++)
        {
            var v = column.GetValue(r);
            if (v is null)
            {
                continue;
            }

            first ??= v;
            if (!v.Equals(first))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pearson's r over rows where both values are present; 0 when either side is constant.</summary>
    internal static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double n = 0, mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                n++;
                mx += x[i];
                my += y[i];
            }
        }

        if (n < 2)
        {
            return 0;
        }

        (mx, my) = (mx / n, my / n);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                var (dx, dy) = (x[i] - mx, y[i] - my);
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }

        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
