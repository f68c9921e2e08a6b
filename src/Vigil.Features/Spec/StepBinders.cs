using Vigil.Features.Transforms;

namespace Vigil.Features.Spec;

/// <summary>Binds the spec options of the core steps to their options records; defaults come from the records themselves.</summary>
internal static class StepBinders
{
    public static IFeatureTransform MinMaxScale(StepOptionReader o) => FeatureTransforms.MinMaxScale(Scale(o));

    public static IFeatureTransform StandardScale(StepOptionReader o) => FeatureTransforms.StandardScale(Scale(o));

    public static IFeatureTransform OneHot(StepOptionReader o)
    {
        var d = new OneHotOptions();
        return FeatureTransforms.OneHot(new OneHotOptions
        {
            Columns = o.Strings("columns") ?? d.Columns,
            Unknown = o.Choice("unknown", ("ignore", UnknownCategoryPolicy.Ignore), ("error", UnknownCategoryPolicy.Error), ("other", UnknownCategoryPolicy.Other)) ?? d.Unknown,
            Missing = o.Choice("missing", ("indicator", MissingCategoryPolicy.Indicator), ("nan", MissingCategoryPolicy.NaN)) ?? d.Missing,
            KeepInput = o.Bool("keep_input") ?? d.KeepInput,
        });
    }

    public static IFeatureTransform Ordinal(StepOptionReader o)
    {
        var d = new OrdinalOptions();
        return FeatureTransforms.Ordinal(new OrdinalOptions
        {
            Columns = o.Strings("columns") ?? d.Columns,
            ErrorOnUnknown = o.Choice("unknown", ("minus_one", false), ("error", true)) ?? d.ErrorOnUnknown,
            InPlace = o.Bool("in_place") ?? d.InPlace,
        });
    }

    public static IFeatureTransform DateTimeParts(StepOptionReader o)
    {
        var d = new DateTimePartsOptions();
        var parts = o.Strings("parts");
        return FeatureTransforms.DateTimeParts(new DateTimePartsOptions
        {
            Columns = o.Strings("columns") ?? d.Columns,
            Parts = parts is null ? d.Parts : [.. parts.Select(p => PartOf(p, o)).OfType<DateTimePart>()],
            Cyclic = o.Bool("cyclic") ?? d.Cyclic,
            DropInput = o.Bool("drop_input") ?? d.DropInput,
        });
    }

    public static IFeatureTransform IsolationScore(StepOptionReader o)
    {
        var d = new IsolationScoreOptions();
        return FeatureTransforms.IsolationScore(new IsolationScoreOptions
        {
            Columns = o.Strings("columns") ?? d.Columns,
            TreeCount = o.Int("trees") ?? d.TreeCount,
            MaxSamples = o.Int("max_samples") ?? d.MaxSamples,
            OutputColumn = o.String("output") ?? d.OutputColumn,
        });
    }

    public static IFeatureTransform KMeans(StepOptionReader o)
    {
        var d = new KMeansFeatureOptions();
        return FeatureTransforms.KMeans(new KMeansFeatureOptions
        {
            Columns = o.Strings("columns") ?? d.Columns,
            ClusterCount = o.Int("k") ?? d.ClusterCount,
            InitCount = o.Int("restarts") ?? d.InitCount,
            MaxIterations = o.Int("max_iterations") ?? d.MaxIterations,
            ClusterColumn = o.String("cluster_column") ?? d.ClusterColumn,
            DistanceColumn = o.String("distance_column") ?? d.DistanceColumn,
        });
    }

    private static ScaleOptions Scale(StepOptionReader o)
    {
        var d = new ScaleOptions();
        return new ScaleOptions { Columns = o.Strings("columns") ?? d.Columns, InPlace = o.Bool("in_place") ?? d.InPlace };
    }

    private static DateTimePart? PartOf(string text, StepOptionReader o)
    {
        foreach (var part in DateTimePartsOptions.AllParts)
        {
            if (FittedDateTimeParts.Suffix(part) == text)
            {
                return part;
            }
        }

        o.Error($"option 'parts': unknown part '{text}'; known: {string.Join(", ", DateTimePartsOptions.AllParts.Select(FittedDateTimeParts.Suffix))}");
        return null;
    }
}
