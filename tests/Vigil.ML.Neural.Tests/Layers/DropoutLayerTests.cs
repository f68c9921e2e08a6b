using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class DropoutLayerTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.0)]
    [InlineData(0.6)]
    public void Gradients_match_finite_differences(double rate)
    {
        GradientCheck.Verify(() => new DropoutLayer(rate), new SequenceShape(4, 5), batch: 3, seed: 9);
    }

    [Fact]
    public void Inference_is_the_identity()
    {
        var layer = LayerKit.Built(new DropoutLayer(0.5), 10, 10);
        var x = Enumerable.Range(0, 300).Select(i => i * 0.1f - 7).ToArray();
        LayerKit.Forward(layer, x, batch: 3, mode: ForwardMode.Inference).ShouldBe(x);
    }

    [Fact]
    public void Training_keeps_about_one_minus_rate_and_scales_the_kept_values()
    {
        const double rate = 0.3;
        var layer = LayerKit.Built(new DropoutLayer(rate), 100, 100);
        var x = Enumerable.Range(0, 4 * 10_000).Select(i => 1f + (i % 7)).ToArray();
        var y = LayerKit.Forward(layer, x, batch: 4, mode: ForwardMode.Train(12345));

        var kept = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (y[i] != 0)
            {
                kept++;
                y[i].ShouldBe(x[i] / 0.7f, 1e-5f);
            }
        }

        // 40 000 Bernoulli(0.7) draws: σ of the fraction ≈ 0.0023, so ±0.01 is over 4σ.
        ((double)kept / x.Length).ShouldBe(1 - rate, 0.01);
    }

    [Fact]
    public void The_mask_is_a_function_of_the_seed_and_the_index()
    {
        var layer = LayerKit.Built(new DropoutLayer(0.5), 8, 8);
        var x = Enumerable.Repeat(1f, 2 * 64).ToArray();
        var a = LayerKit.Forward(layer, x, batch: 2, mode: ForwardMode.Train(77));
        var b = LayerKit.Forward(layer, x, batch: 2, mode: ForwardMode.Train(77));
        var c = LayerKit.Forward(layer, x, batch: 2, mode: ForwardMode.Train(78));

        b.ShouldBe(a);
        c.ShouldNotBe(a);
        // Two identical examples in one batch get different masks.
        a.AsSpan(0, 64).SequenceEqual(a.AsSpan(64, 64)).ShouldBeFalse();
    }

    [Fact]
    public void Backward_uses_the_cached_mask()
    {
        var layer = LayerKit.Built(new DropoutLayer(0.4), 1, 50);
        var x = Enumerable.Range(0, 50).Select(i => i + 1f).ToArray();
        var dy = Enumerable.Repeat(1f, 50).ToArray();
        var (y, dx, _) = LayerKit.ForwardBackward(layer, x, dy);
        for (var i = 0; i < 50; i++)
        {
            dx[i].ShouldBe(y[i] / x[i], 1e-6f);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Rejects_rates_outside_zero_to_one(double rate)
    {
        Should.Throw<ArgumentException>(() => new DropoutLayer(rate)).ParamName.ShouldBe("rate");
    }

    [Fact]
    public void FromSettings_rejects_bad_rates()
    {
        Should.Throw<ArgumentException>(() => DropoutLayer.FromSettings(new Dictionary<string, string> { ["rate"] = "half" })).Message.ShouldContain("rate");
        Should.Throw<ArgumentException>(() => DropoutLayer.FromSettings(new Dictionary<string, string> { ["rate"] = "1.5" })).Message.ShouldContain("rate");
        Should.Throw<ArgumentException>(() => DropoutLayer.FromSettings(new Dictionary<string, string>())).Message.ShouldContain("rate");
    }
}
