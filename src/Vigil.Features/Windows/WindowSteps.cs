namespace Vigil.Features.Windows;

/// <summary>The kinds and readers of the window steps, for a <see cref="FeatureStepCodecs"/> table or a feature catalog.</summary>
public static class WindowSteps
{
    /// <summary>The kind of the fitted <c>rolling</c> step.</summary>
    public const string RollingKind = "vigil.features.rolling";

    /// <summary>The kind of the fitted <c>lag</c> step.</summary>
    public const string LagKind = "vigil.features.lag";

    /// <summary>The kind of the fitted <c>diff</c> step.</summary>
    public const string DiffKind = "vigil.features.diff";

    /// <summary>The kind of the fitted <c>cumulative</c> step.</summary>
    public const string CumulativeKind = "vigil.features.cumulative";

    /// <summary>Every window step's kind with the reader of its payload (what follows the kind).</summary>
    public static IReadOnlyList<(string Kind, Func<BinaryReader, IFittedFeatureTransform> Reader)> Readers { get; } =
    [
        (RollingKind, FittedRollingWindow.Read),
        (LagKind, FittedLag.ReadLag),
        (DiffKind, FittedLag.ReadDiff),
        (CumulativeKind, FittedCumulative.Read),
    ];

    /// <summary>A codec table holding only the window steps' readers.</summary>
    public static FeatureStepCodecs Codecs() => new(Readers.Select(r => KeyValuePair.Create(r.Kind, r.Reader)));

    /// <summary>Whether a fitted step is one of the window steps (and so can run in an <see cref="OnlineWindowState"/>).</summary>
    public static bool IsWindowStep(IFittedFeatureTransform step) => step is FittedWindowStep;
}
