using Vigil.Features.Selection;
using Vigil.Features.Synthesis;

namespace Vigil.Features.Spec;

/// <summary>Binds the spec options of the supervised steps: synthesis and selection.</summary>
internal static class SynthesisStepBinders
{
    public static IFeatureTransform Synthesize(StepOptionReader o)
    {
        var d = new FeatureSynthesisOptions();
        var operations = o.Strings("operations");
        return new FeatureSynthesis(new FeatureSynthesisOptions
        {
            Operations = operations is null ? d.Operations : [.. operations.Select(text => Operation(o, text))],
            Columns = o.Strings("columns"),
            Exclude = o.Strings("exclude") ?? d.Exclude,
            MaxFeatures = o.Int("max_features") ?? d.MaxFeatures,
            MinGain = o.Double("min_gain") ?? d.MinGain,
            MinRelativeGain = o.Double("min_relative_gain") ?? d.MinRelativeGain,
            ScreenTop = o.Int("screen_top") ?? d.ScreenTop,
            Folds = o.Int("folds") ?? d.Folds,
        });
    }

    public static IFeatureTransform Select(StepOptionReader o)
    {
        var d = new FeatureSelectionOptions();
        return new FeatureSelection(new FeatureSelectionOptions
        {
            Columns = o.Strings("columns"),
            Exclude = o.Strings("exclude") ?? d.Exclude,
            DropConstant = o.Bool("drop_constant") ?? d.DropConstant,
            CorrelationThreshold = o.Double("max_correlation") ?? d.CorrelationThreshold,
            TopK = o.Int("top_k") ?? d.TopK,
            Ranking = o.Choice("ranking", ("relevance", SelectionRanking.Relevance), ("permutation", SelectionRanking.PermutationImportance)) ?? d.Ranking,
        });
    }

    private static SynthesisOperation Operation(StepOptionReader o, string text)
    {
        if (Enum.TryParse<SynthesisOperation>(text, ignoreCase: true, out var op))
        {
            return op;
        }

        o.Error($"option 'operations': '{text}' is not one of product, ratio, difference, sum, square");
        return SynthesisOperation.Product;
    }
}
