using Shouldly;
using Vigil.ML.Neural.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Training;

public sealed class GradientClippingTests
{
    [Fact]
    public void ClipByGlobalNorm_AboveMax_ScalesAllBuffersAndReturnsPreClipNorm()
    {
        float[][] g = [[3f], [0f, 4f]];

        var norm = GradientClipping.ClipByGlobalNorm(g, 1f);

        norm.ShouldBe(5, 1e-9);
        g[0][0].ShouldBe(0.6f, 1e-5f);
        g[1][1].ShouldBe(0.8f, 1e-5f);
        GradientClipping.GlobalNorm(g).ShouldBe(1, 1e-5);
    }

    [Fact]
    public void ClipByGlobalNorm_BelowMax_LeavesGradientsAlone()
    {
        float[][] g = [[0.3f, -0.4f]];

        GradientClipping.ClipByGlobalNorm(g, 1f).ShouldBe(0.5, 1e-6);

        g[0].ShouldBe([0.3f, -0.4f]);
    }

    [Fact]
    public void ClipByValue_ClampsEachValue()
    {
        float[][] g = [[-3f, 0.5f, 2f]];

        GradientClipping.ClipByValue(g, 1f);

        g[0].ShouldBe([-1f, 0.5f, 1f]);
    }

    [Fact]
    public void Clip_NonPositiveLimit_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm([[1f]], 0f));
        Should.Throw<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue([[1f]], -1f));
    }
}
