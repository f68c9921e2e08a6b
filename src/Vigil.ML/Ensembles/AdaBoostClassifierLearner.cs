using Vigil.ML.Evaluation;

namespace Vigil.ML.Ensembles;

/// <summary>
/// Multi-class AdaBoost by SAMME (Zhu, Zou, Rosset and Hastie 2009, "Multi-class AdaBoost", Statistics and Its
/// Interface 2:349–360), as scikit-learn's <c>algorithm="SAMME"</c>: round m fits the weak learner on weights w,
/// err = Σ w·1[hₘ(x) ≠ y] / Σ w, αₘ = ν·(ln((1 − err)/err) + ln(K − 1)), and misclassified rows' weights are
/// multiplied by e^αₘ, then all renormalized. A perfect member (err = 0) gets α = 1 and ends boosting; a member
/// with err ≥ 1 − 1/K is discarded and ends boosting (an error if it is the first). Training data holding a single
/// class gives a constant model. Deterministic whenever the weak learner is.
/// </summary>
public sealed class AdaBoostClassifierLearner : IClassifierLearner
{
    /// <summary>Creates a learner; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public AdaBoostClassifierLearner(AdaBoostOptions? options = null)
    {
        Options = options ?? new AdaBoostOptions();
        EnsembleChecks.Throw(nameof(AdaBoostOptions), [.. Options.Validate()]);
    }

    /// <inheritdoc/>
    public string Name => "AdaBoostSamme";

    /// <summary>The validated options.</summary>
    public AdaBoostOptions Options { get; }

    object IClassifierLearner.Options => Options;

    /// <summary>Boosts the weak learner for up to <see cref="AdaBoostOptions.Rounds"/> rounds.</summary>
    public AdaBoostModel Fit(ClassificationSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (n, k) = (data.RowCount, data.ClassCount);
        var weights = new double[n];
        var present = new HashSet<int>();
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            weights[i] = data.WeightOf(i);
            total += weights[i];
            if (weights[i] > 0)
            {
                present.Add(data.Labels[i]);
            }
        }

        if (!(total > 0))
        {
            throw new ArgumentException("AdaBoost needs rows with positive weight.", nameof(data));
        }

        if (present.Count == 1)
        {
            return AdaBoostModel.Constant(present.First(), data.FeatureCount, k);
        }

        var members = new List<IClassifierModel>();
        var alphas = new List<double>();
        var errors = new List<double>();
        var probabilities = new double[n * k];
        for (var round = 0; round < Options.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                weights[i] /= total;
            }

            var member = Options.BaseLearner.Fit(data.WithSampleWeights((double[])weights.Clone()), cancellationToken);
            EnsembleShape.CheckMember(member, data.FeatureCount, k);
            member.PredictProba(data.Features, probabilities);
            var incorrect = new bool[n];
            double wrong = 0, sum = 0;
            for (var i = 0; i < n; i++)
            {
                incorrect[i] = MulticlassMetrics.ArgMax(probabilities.AsSpan(i * k, k)) != data.Labels[i];
                wrong += incorrect[i] ? weights[i] : 0;
                sum += weights[i];
            }

            var error = wrong / sum;
            if (error <= 0)
            {
                members.Add(member);
                alphas.Add(1.0);
                errors.Add(0.0);
                break;
            }

            if (error >= 1.0 - (1.0 / k))
            {
                if (members.Count == 0)
                {
                    throw new ArgumentException(
                        $"The weak learner's first member has weighted error {error:G4}, no better than chance (1 − 1/{k}); AdaBoost cannot start.", nameof(data));
                }

                break;
            }

            var alpha = Options.LearningRate * (Math.Log((1 - error) / error) + Math.Log(k - 1));
            members.Add(member);
            alphas.Add(alpha);
            errors.Add(error);
            total = 0;
            for (var i = 0; i < n; i++)
            {
                if (incorrect[i] && weights[i] > 0)
                {
                    weights[i] *= Math.Exp(alpha);
                }

                total += weights[i];
            }

            if (!double.IsFinite(total) || total <= 0)
            {
                break;
            }
        }

        return new AdaBoostModel([.. members], [.. alphas], [.. errors], data.FeatureCount, k);
    }

    IClassifierModel IClassifierLearner.Fit(ClassificationSet data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
