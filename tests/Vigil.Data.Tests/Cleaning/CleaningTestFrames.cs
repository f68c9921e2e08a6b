using Vigil.Data.Cleaning;
using Vigil.Data.Frames;

namespace Vigil.Data.Tests.Cleaning;

/// <summary>Shared helpers for the cleaning tests: frames from columns and options that switch the other rules off.</summary>
internal static class CleaningTestFrames
{
    public const double NaN = double.NaN;

    public static DataFrame Frame(params Column[] columns) => new(columns);

    /// <summary>Only imputation, with the given rules.</summary>
    public static CleaningOptions ImputeOnly(
        ImputationRule? numeric = null, ImputationRule? categorical = null, string? group = null, string? time = null,
        EdgeGapPolicy edges = EdgeGapPolicy.NearestObserved, IReadOnlyDictionary<string, ImputationRule>? columns = null) =>
        new(groupColumn: group, timeColumn: time, numericImputation: numeric, categoricalImputation: categorical, columnImputation: columns,
            edgeGaps: edges, outlierMethod: OutlierMethod.None, dropDuplicates: false, maxMissingFraction: 1);

    /// <summary>Only the outlier rule.</summary>
    public static CleaningOptions OutliersOnly(OutlierMethod method, OutlierAction action, double zScoreThreshold = 3, double iqrMultiplier = 1.5) =>
        new(outlierMethod: method, outlierAction: action, zScoreThreshold: zScoreThreshold, iqrMultiplier: iqrMultiplier,
            numericImputation: ImputationRule.None, dropDuplicates: false, maxMissingFraction: 1);

    public static double[] Values(DataFrame frame, string column) => frame.Get<Float64Column>(column).ToArray();

    public static string?[] Texts(DataFrame frame, string column) =>
        [.. Enumerable.Range(0, frame.RowCount).Select(i => frame[column].IsMissing(i) ? null : frame[column].Format(i))];
}
