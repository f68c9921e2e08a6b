namespace Vigil.Features.Windows;

/// <summary>The fitted <c>cumulative</c> step: <c>&lt;column&gt;_cumsum</c> and optionally <c>&lt;column&gt;_cumcount</c>.</summary>
internal sealed class FittedCumulative : FittedWindowStep
{
    private readonly bool _includeCount;

    public FittedCumulative(WindowScope scope, bool includeCount)
        : base(scope, "cumulative", includeCount ? ["cumsum", "cumcount"] : ["cumsum"])
    {
        _includeCount = includeCount;
    }

    public override string Kind => WindowSteps.CumulativeKind;

    public override ColumnState CreateState() => new CumulativeColumnState(_includeCount);

    public override string Describe() =>
        $"cumulative: running sum{(_includeCount ? " and count" : string.Empty)} of the non-missing values of "
        + $"{string.Join(", ", Scope.Columns)}{Scope.DescribeOrder()}.";

    public static FittedCumulative Read(BinaryReader reader)
    {
        var scope = ReadHeader(reader, WindowSteps.CumulativeKind);
        var includeCount = reader.ReadBoolean();
        return new FittedCumulative(scope, includeCount);
    }

    protected override void WriteParameters(BinaryWriter writer) => writer.Write(_includeCount);
}
