using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Windows;
using Xunit;

namespace Vigil.Features.Tests.Windows;

public sealed class WindowPersistenceTests
{
    public static TheoryData<string> StepNames => ["rolling", "lag", "diff", "cumulative"];

    [Theory]
    [MemberData(nameof(StepNames))]
    public void WriteRead_EveryStep_SameKindSchemaAndBitIdenticalOutputs(string name)
    {
        var frame = WindowTestFrames.TwoMachines();
        var fitted = Create(name).Fit(frame, new FeatureFitContext(GroupColumn: "unit", TimeColumn: "t"));

        var restored = RoundTrip(fitted);

        restored.Kind.ShouldBe(fitted.Kind);
        restored.InputSchema.ShouldBe(fitted.InputSchema);
        restored.OutputColumns.ShouldBe(fitted.OutputColumns);
        restored.Describe().ShouldBe(fitted.Describe());
        var (expected, actual) = (fitted.Transform(frame), restored.Transform(frame));
        foreach (var column in fitted.OutputColumns)
        {
            actual.Values(column).ShouldBeBitIdentical(expected.Values(column), column);
        }
    }

    [Fact]
    public void Readers_ListEveryWindowKindOnce()
    {
        WindowSteps.Readers.Select(r => r.Kind).ShouldBe(
            [WindowSteps.RollingKind, WindowSteps.LagKind, WindowSteps.DiffKind, WindowSteps.CumulativeKind]);
        WindowSteps.Codecs().Kinds.Count.ShouldBe(4);
    }

    [Fact]
    public void Read_UnsupportedPayloadVersion_FailsAsInvalidData()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(WindowSteps.LagKind);
            writer.Write(99);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        Should.Throw<InvalidDataException>(() => WindowSteps.Codecs().Read(reader)).Message.ShouldContain("version 99");
    }

    [Fact]
    public void Describe_Rolling_NamesStatisticsWindowsAndOrder()
    {
        var fitted = new WindowFeatures(new WindowFeaturesOptions { Columns = ["x"], WindowSizes = [5, 10], Statistics = [WindowStatistic.Mean, WindowStatistic.Slope] })
            .Fit(WindowTestFrames.TwoMachines(), new FeatureFitContext(GroupColumn: "unit", TimeColumn: "t"));

        fitted.Describe().ShouldBe("rolling: mean, slope over the last 5, 10 rows of x per 'unit' ordered by 't'; missing values skipped, at least 1 per window.");
    }

    internal static IFeatureTransform Create(string name) => name switch
    {
        "rolling" => new WindowFeatures(new WindowFeaturesOptions { Columns = ["x", "t"], WindowSizes = [2, 3], MinPeriods = 2 }),
        "lag" => new LagFeatures(new LagFeaturesOptions { Columns = ["x"], Lags = [1, 3] }),
        "diff" => new DiffFeatures(new DiffFeaturesOptions { Columns = ["x"], Periods = [2] }),
        _ => new CumulativeFeatures(new CumulativeFeaturesOptions { Columns = ["x", "t"], IncludeCount = true }),
    };

    private static IFittedFeatureTransform RoundTrip(IFittedFeatureTransform fitted)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            FeatureStepCodecs.Write(fitted, writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var restored = WindowSteps.Codecs().Read(reader);
        stream.Position.ShouldBe(stream.Length);
        return restored;
    }
}
