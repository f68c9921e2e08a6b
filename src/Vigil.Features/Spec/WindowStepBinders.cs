using Vigil.Features.Windows;

namespace Vigil.Features.Spec;

/// <summary>Binds the spec options of the per-machine window steps.</summary>
internal static class WindowStepBinders
{
    public static IFeatureTransform Rolling(StepOptionReader o)
    {
        var d = new WindowFeaturesOptions();
        var stats = o.Strings("stats");
        return new WindowFeatures(new WindowFeaturesOptions
        {
            Columns = o.Strings("columns") ?? d.Columns,
            WindowSizes = o.Ints("windows") ?? d.WindowSizes,
            Statistics = stats is null ? d.Statistics : [.. stats.Select(s => Statistic(o, s))],
            MinPeriods = o.Int("min_periods") ?? d.MinPeriods,
            GroupColumn = o.String("group"),
            TimeColumn = o.String("time"),
        });
    }

    public static IFeatureTransform Lag(StepOptionReader o) => new LagFeatures(new LagFeaturesOptions
    {
        Columns = o.Strings("columns") ?? [],
        Lags = o.Ints("lags") ?? [1],
        GroupColumn = o.String("group"),
        TimeColumn = o.String("time"),
    });

    public static IFeatureTransform Diff(StepOptionReader o) => new DiffFeatures(new DiffFeaturesOptions
    {
        Columns = o.Strings("columns") ?? [],
        Periods = o.Ints("periods") ?? [1],
        GroupColumn = o.String("group"),
        TimeColumn = o.String("time"),
    });

    public static IFeatureTransform Cumulative(StepOptionReader o) => new CumulativeFeatures(new CumulativeFeaturesOptions
    {
        Columns = o.Strings("columns") ?? [],
        IncludeCount = o.Bool("include_count") ?? false,
        GroupColumn = o.String("group"),
        TimeColumn = o.String("time"),
    });

    private static WindowStatistic Statistic(StepOptionReader o, string text)
    {
        if (Enum.TryParse<WindowStatistic>(text, ignoreCase: true, out var s))
        {
            return s;
        }

        o.Error($"option 'stats': '{text}' is not one of mean, std, min, max, slope");
        return WindowStatistic.Mean;
    }
}
