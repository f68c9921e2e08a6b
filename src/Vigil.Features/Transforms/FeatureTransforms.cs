namespace Vigil.Features.Transforms;

/// <summary>Creates the core feature transforms; each validates its options and throws one <see cref="ArgumentException"/> listing every problem.</summary>
public static class FeatureTransforms
{
    /// <summary><c>min_max_scale</c>: (x − min) / (max − min) with min and max of the training rows (range 1 when constant); NaN passes through.</summary>
    public static IFeatureTransform MinMaxScale(ScaleOptions? options = null) => new ScaleTransform(options ?? new(), ScaleMethod.MinMax);

    /// <summary><c>standard_scale</c>: (x − mean) / std with the training rows' mean and population std (1 when constant); NaN passes through.</summary>
    public static IFeatureTransform StandardScale(ScaleOptions? options = null) => new ScaleTransform(options ?? new(), ScaleMethod.Standard);

    /// <summary><c>one_hot</c>: one 0/1 column <c>&lt;col&gt;=&lt;value&gt;</c> per training category, with unknown and missing policies.</summary>
    public static IFeatureTransform OneHot(OneHotOptions? options = null) => new OneHotTransform(options ?? new());

    /// <summary><c>ordinal</c>: the index of each value in the sorted training categories; missing → NaN, unseen → −1 or an error.</summary>
    public static IFeatureTransform Ordinal(OrdinalOptions? options = null) => new OrdinalTransform(options ?? new());

    /// <summary><c>datetime_parts</c>: year, month, day, weekday, hour and day of year of UTC timestamps, optionally with sin/cos.</summary>
    public static IFeatureTransform DateTimeParts(DateTimePartsOptions? options = null) => new DateTimePartsTransform(options ?? new());

    /// <summary><c>isolation_score</c>: an isolation-forest anomaly score (Liu, Ting and Zhou 2008) fitted on the training rows with the context's seed.</summary>
    public static IFeatureTransform IsolationScore(IsolationScoreOptions? options = null) => new IsolationScoreTransform(options ?? new());

    /// <summary><c>kmeans</c>: the nearest k-means cluster (Arthur and Vassilvitskii 2007 seeding) and its distance, on standardized columns.</summary>
    public static IFeatureTransform KMeans(KMeansFeatureOptions? options = null) => new KMeansFeatureTransform(options ?? new());
}
