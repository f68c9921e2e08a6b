using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Pipeline;
using Vigil.Features.Windows;
using Xunit;

namespace Vigil.Features.Tests.Windows;

public sealed class OnlineWindowStateTests
{
    private static readonly FeatureFitContext PerUnit = new(GroupColumn: "unit", TimeColumn: "t");

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Update_SeededInterleavedStreams_BitIdenticalToBatch(int seed, bool shuffleBatchRows)
    {
        // Ties in time are only allowed when the batch frame keeps arrival order (ties then follow row order in both).
        var (frame, groups) = RandomStream(seed, rows: 400, allowTies: !shuffleBatchRows);
        var fitted = Pipeline().Fit(frame, PerUnit);
        var permutation = Enumerable.Range(0, frame.RowCount).ToArray();
        if (shuffleBatchRows)
        {
            new Random(seed + 1000).Shuffle(permutation);
        }

        var batch = fitted.Transform(frame.Take(permutation));
        var batchRowOf = new int[permutation.Length];
        for (var i = 0; i < permutation.Length; i++)
        {
            batchRowOf[permutation[i]] = i;
        }

        var online = OnlineWindowState.Create(fitted.Steps);
        online.InputColumns.ShouldBe(["x", "y"]);
        var expectedColumns = online.OutputColumns.Select(c => batch.Get<Float64Column>(c)).ToArray();
        var (t, x, y) = (frame.Values("t"), frame.Values("x"), frame.Values("y"));
        for (var r = 0; r < frame.RowCount; r++)
        {
            var features = online.Update(groups[r], t[r], [x[r], y[r]]);
            features.ShouldBeBitIdentical([.. expectedColumns.Select(c => c[batchRowOf[r]])], $"row {r}");
        }

        online.GroupCount.ShouldBe(groups.Distinct().Count());
    }

    [Fact]
    public void WriteRead_SnapshotMidStream_ContinuesExactlyAsWithoutRestart()
    {
        var (frame, groups) = RandomStream(seed: 7, rows: 200, allowTies: true);
        var steps = Pipeline().Fit(frame, PerUnit).Steps;
        var (uninterrupted, first) = (OnlineWindowState.Create(steps), OnlineWindowState.Create(steps));
        var (t, x, y) = (frame.Values("t"), frame.Values("x"), frame.Values("y"));
        for (var r = 0; r < 120; r++)
        {
            uninterrupted.Update(groups[r], t[r], [x[r], y[r]]);
            first.Update(groups[r], t[r], [x[r], y[r]]);
        }

        var restored = Restore(first);

        restored.GroupCount.ShouldBe(first.GroupCount);
        restored.OutputColumns.ShouldBe(first.OutputColumns);
        for (var r = 120; r < frame.RowCount; r++)
        {
            restored.Update(groups[r], t[r], [x[r], y[r]]).ShouldBeBitIdentical(uninterrupted.Update(groups[r], t[r], [x[r], y[r]]), $"row {r}");
        }
    }

    [Fact]
    public void Update_TimeEarlierThanGroupsLast_FailsNamingGroupAndTimesAndKeepsState()
    {
        var state = OnlineWindowState.Create([Lag().Fit(WindowTestFrames.TwoMachines(), PerUnit)]);
        state.Update("m1", 5, [1.0]);
        state.Update("m2", 1, [7.0]);

        var ex = Should.Throw<ArgumentException>(() => state.Update("m1", 4, [3.0]));

        ex.Message.ShouldContain("Group 'm1': time 4 is earlier than its last time 5");
        state.Update("m1", 5, [2.0]).ShouldBe([1.0]);
        state.Update("m2", 2, [8.0]).ShouldBe([7.0]);
    }

    [Fact]
    public void Update_DateTimeOffsetTimes_OrderByInstant()
    {
        var state = OnlineWindowState.Create([Lag().Fit(WindowTestFrames.TwoMachines(), PerUnit)]);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        state.Update("m", start.AddMinutes(1), [1.0]);

        Should.Throw<ArgumentException>(() => state.Update("m", start, [2.0]));
        state.Update("m", start.AddMinutes(2), [2.0]).ShouldBe([1.0]);
    }

    [Fact]
    public void Update_WrongNumberOfValues_FailsNamingTheInputs()
    {
        var state = OnlineWindowState.Create([Lag().Fit(WindowTestFrames.TwoMachines(), PerUnit)]);

        Should.Throw<ArgumentException>(() => state.Update("m", 0, [1.0, 2.0])).Message.ShouldContain("Expected 1 values (x), got 2");
    }

    [Fact]
    public void Remove_Group_StartsItAfresh()
    {
        var state = OnlineWindowState.Create([Lag().Fit(WindowTestFrames.TwoMachines(), PerUnit)]);
        state.Update("m", 5, [1.0]);

        state.Remove("m").ShouldBeTrue();

        state.GroupCount.ShouldBe(0);
        double.IsNaN(state.Update("m", 1, [2.0])[0]).ShouldBeTrue();
    }

    [Fact]
    public void Create_StepsWithDifferentGroupsOrNoWindowStep_Fails()
    {
        var frame = WindowTestFrames.TwoMachines();
        var perUnit = Lag().Fit(frame, PerUnit);
        var whole = Lag().Fit(frame, new FeatureFitContext());

        Should.Throw<ArgumentException>(() => OnlineWindowState.Create([perUnit, whole])).Message.ShouldContain("share one group and time column");
        Should.Throw<ArgumentException>(() => OnlineWindowState.Create([])).Message.ShouldContain("at least one fitted window step");
        Should.Throw<ArgumentException>(() => OnlineWindowState.Create([new NotAWindow()])).Message.ShouldContain("'test.other' is not a window step");
    }

    private static LagFeatures Lag() => new(new LagFeaturesOptions { Columns = ["x"] });

    /// <summary>Every window step, with a diff of a rolling output to check chained steps.</summary>
    private static FeaturePipeline Pipeline() => new(
    [
        new WindowFeatures(new WindowFeaturesOptions { Columns = ["x", "y"], WindowSizes = [3, 7], MinPeriods = 2 }),
        new LagFeatures(new LagFeaturesOptions { Columns = ["x"], Lags = [1, 4] }),
        new DiffFeatures(new DiffFeaturesOptions { Columns = ["y", "x_mean_w3"] }),
        new CumulativeFeatures(new CumulativeFeaturesOptions { Columns = ["x"], IncludeCount = true }),
    ]);

    private static (DataFrame Frame, string[] Groups) RandomStream(int seed, int rows, bool allowTies)
    {
        var random = new Random(seed);
        var last = new double[5];
        var (groups, t, x, y) = (new string[rows], new double[rows], new double[rows], new double[rows]);
        for (var r = 0; r < rows; r++)
        {
            var g = random.Next(last.Length);
            last[g] += allowTies && random.NextDouble() < 0.2 ? 0 : 0.5 + random.Next(3);
            groups[r] = $"m{g}";
            t[r] = last[g];
            var scale = random.NextDouble() < 0.1 ? 1e6 : 1;
            x[r] = random.NextDouble() < 0.15 ? double.NaN : scale * (random.NextDouble() - 0.3);
            y[r] = random.NextDouble() < 0.05 ? double.NaN : Math.Round(random.NextDouble() * 100, 1);
        }

        var frame = new DataFrame([CategoricalColumn.FromValues("unit", groups), new Float64Column("t", t), new Float64Column("x", x), new Float64Column("y", y)]);
        return (frame, groups);
    }

    private static OnlineWindowState Restore(OnlineWindowState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            state.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return OnlineWindowState.Read(reader);
    }

    private sealed class NotAWindow : IFittedFeatureTransform
    {
        public string Kind => "test.other";

        public FrameSchema InputSchema => new([]);

        public IReadOnlyList<string> OutputColumns => [];

        public DataFrame Transform(DataFrame frame) => frame;

        public void Write(BinaryWriter writer)
        {
        }

        public string Describe() => "other";
    }
}
