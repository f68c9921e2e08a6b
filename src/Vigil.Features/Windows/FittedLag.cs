namespace Vigil.Features.Windows;

/// <summary>The fitted <c>lag</c> step (<c>&lt;column&gt;_lag&lt;k&gt;</c>) or <c>diff</c> step (<c>&lt;column&gt;_diff&lt;k&gt;</c>, value minus lag k).</summary>
internal sealed class FittedLag : FittedWindowStep
{
    private readonly int[] _lags;
    private readonly bool _difference;

    public FittedLag(WindowScope scope, int[] lags, bool difference)
        : base(scope, difference ? "diff" : "lag", [.. lags.Select(k => (difference ? "diff" : "lag") + k.ToString(System.Globalization.CultureInfo.InvariantCulture))])
    {
        _lags = lags;
        _difference = difference;
    }

    public override string Kind => _difference ? WindowSteps.DiffKind : WindowSteps.LagKind;

    public override ColumnState CreateState() => new LagColumnState(_lags, _difference);

    public override string Describe() =>
        (_difference ? "diff: value minus the value " : "lag: the value ")
        + $"{string.Join(", ", _lags)} rows earlier of {string.Join(", ", Scope.Columns)}{Scope.DescribeOrder()}; NaN before enough history.";

    public static FittedLag ReadLag(BinaryReader reader) => Read(reader, difference: false);

    public static FittedLag ReadDiff(BinaryReader reader) => Read(reader, difference: true);

    protected override void WriteParameters(BinaryWriter writer) => WriteInts(writer, _lags);

    private static FittedLag Read(BinaryReader reader, bool difference)
    {
        var kind = difference ? WindowSteps.DiffKind : WindowSteps.LagKind;
        var scope = ReadHeader(reader, kind);
        var lags = ReadInts(reader, "lags");
        ThrowIfCorrupt(new LagFeaturesOptions { Columns = scope.Columns, Lags = lags }.Validate(), kind);
        return new FittedLag(scope, lags, difference);
    }
}
