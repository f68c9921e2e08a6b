namespace Vigil.Features.Windows;

/// <summary>The fitted <c>rolling</c> step: per column, per window, per statistic, <c>&lt;column&gt;_&lt;stat&gt;_w&lt;w&gt;</c>.</summary>
internal sealed class FittedRollingWindow : FittedWindowStep
{
    private readonly int[] _windows;
    private readonly WindowStatistic[] _statistics;
    private readonly int _minPeriods;

    public FittedRollingWindow(WindowScope scope, int[] windows, WindowStatistic[] statistics, int minPeriods)
        : base(scope, "rolling", [.. windows.SelectMany(w => statistics.Select(s => $"{WindowStatistics.Suffix(s)}_w{w}"))])
    {
        _windows = windows;
        _statistics = statistics;
        _minPeriods = minPeriods;
    }

    public override string Kind => WindowSteps.RollingKind;

    public override ColumnState CreateState() => new RollingColumnState(_windows, _statistics, _minPeriods);

    public override string Describe() =>
        $"rolling: {string.Join(", ", _statistics.Select(WindowStatistics.Suffix))} over the last {string.Join(", ", _windows)} rows "
        + $"of {string.Join(", ", Scope.Columns)}{Scope.DescribeOrder()}; missing values skipped, at least {_minPeriods} per window.";

    public static FittedRollingWindow Read(BinaryReader reader)
    {
        var scope = ReadHeader(reader, WindowSteps.RollingKind);
        var windows = ReadInts(reader, "windows");
        var statistics = Array.ConvertAll(ReadInts(reader, "statistics"), s => (WindowStatistic)s);
        var minPeriods = reader.ReadInt32();
        var options = new WindowFeaturesOptions { Columns = scope.Columns, WindowSizes = windows, Statistics = statistics, MinPeriods = minPeriods };
        ThrowIfCorrupt(options.Validate(), WindowSteps.RollingKind);
        return new FittedRollingWindow(scope, windows, statistics, minPeriods);
    }

    protected override void WriteParameters(BinaryWriter writer)
    {
        WriteInts(writer, _windows);
        WriteInts(writer, Array.ConvertAll(_statistics, s => (int)s));
        writer.Write(_minPeriods);
    }
}
