using Shouldly;
using Vigil.ML.Neural;
using Xunit;

namespace Vigil.ML.Neural.Tests;

public sealed class TestLayerTests
{
    [Theory]
    [InlineData(1, 3, 2)]
    [InlineData(4, 2, 5)]
    public void TestAffine_Backward_MatchesFiniteDifferences(int steps, int channels, int units) =>
        GradientCheck.Verify(() => new TestAffine(units), new SequenceShape(steps, channels), batch: 3, seed: steps + units);

    [Fact]
    public void TestTanh_Backward_MatchesFiniteDifferences() =>
        GradientCheck.Verify(() => new TestTanh(), new SequenceShape(2, 3), batch: 2, seed: 5);

    [Fact]
    public void TestDropout_Backward_MatchesFiniteDifferences() =>
        GradientCheck.Verify(() => new TestDropout(0.3), new SequenceShape(2, 4), batch: 3, seed: 7).ShouldBeLessThan(1e-2);
}
