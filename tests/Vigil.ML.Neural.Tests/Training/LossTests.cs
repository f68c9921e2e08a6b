using Shouldly;
using Vigil.ML.Neural.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Training;

public sealed class LossTests
{
    [Fact]
    public void MeanSquaredError_HandComputed_SumsRowMeansAndScalesGradient()
    {
        float[] p = [1, 2, 3, 0, 0, 0];
        float[] t = [0, 2, 5, 1, 1, 1];
        var g = new float[6];

        var loss = MeanSquaredError.Instance.Evaluate(p, t, g, 2, 3, 0.5f);

        loss.ShouldBe(5.0 / 3 + 1.0, 1e-6);
        g.ShouldBe([1f / 3, 0f, -2f / 3, -1f / 3, -1f / 3, -1f / 3], tolerance: 1e-6f);
    }

    [Fact]
    public void HuberLoss_HandComputed_QuadraticInsideLinearOutside()
    {
        float[] p = [0.5f, -2f, 3f];
        float[] t = [0f, 0f, 0f];
        var g = new float[3];

        var loss = new HuberLoss(1f).Evaluate(p, t, g, 1, 3, 1f);

        loss.ShouldBe((0.125 + 1.5 + 2.5) / 3, 1e-6);
        g.ShouldBe([0.5f / 3, -1f / 3, 1f / 3], tolerance: 1e-6f);
    }

    [Fact]
    public void HuberLoss_NonPositiveDelta_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new HuberLoss(0f)).ParamName.ShouldBe("delta");

    [Fact]
    public void BinaryCrossEntropy_HandComputed_MatchesLogLoss()
    {
        float[] z = [0f, 2f];
        float[] t = [1f, 0f];
        var g = new float[2];

        var loss = BinaryCrossEntropy.Instance.Evaluate(z, t, g, 1, 2, 1f);

        loss.ShouldBe((Math.Log(2) + 2 + Math.Log(1 + Math.Exp(-2))) / 2, 1e-6);
        g[0].ShouldBe((0.5f - 1f) / 2, 1e-6f);
        g[1].ShouldBe((float)(1 / (1 + Math.Exp(-2))) / 2, 1e-6f);
    }

    [Fact]
    public void BinaryCrossEntropy_ExtremeLogits_StayFinite()
    {
        float[] z = [100f, -100f, 100f];
        float[] t = [1f, 1f, 0f];
        var g = new float[3];

        var loss = BinaryCrossEntropy.Instance.Evaluate(z, t, g, 3, 1, 1f);

        loss.ShouldBe(200, 1e-6);
        g.ShouldBe([0f, -1f, 1f], tolerance: 1e-6f);
    }

    [Fact]
    public void BinaryCrossEntropy_TargetOutsideUnitInterval_Throws() =>
        Should.Throw<ArgumentException>(() => BinaryCrossEntropy.Instance.Evaluate([0f], [1.5f], new float[1], 1, 1, 1f));

    [Fact]
    public void SoftmaxCrossEntropy_OneHot_HandComputed()
    {
        float[] z = [1f, 2f, 3f];
        float[] t = [0f, 0f, 1f];
        var g = new float[3];

        var loss = SoftmaxCrossEntropy.Instance.Evaluate(z, t, g, 1, 3, 1f);

        loss.ShouldBe(0.40760596, 1e-6);
        g.ShouldBe([0.09003057f, 0.24472847f, 0.66524096f - 1f], tolerance: 1e-6f);
    }

    [Fact]
    public void SoftmaxCrossEntropy_HugeLogits_StayFinite()
    {
        float[] z = [1000f, 0f];
        float[] t = [0f, 1f];
        var g = new float[2];

        SoftmaxCrossEntropy.Instance.Evaluate(z, t, g, 1, 2, 1f).ShouldBe(1000, 1e-3);
        g.ShouldBe([1f, -1f], tolerance: 1e-6f);
    }

    public static TheoryData<string> LossNames => ["mse", "huber", "bce", "softmax-ce"];

    [Theory]
    [MemberData(nameof(LossNames))]
    public void Gradient_MatchesCentralDifferences(string name)
    {
        var loss = Make(name);
        const int rows = 3, width = 4;
        var random = new Random(name.Length);
        var p = Enumerable.Range(0, rows * width).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var t = Enumerable.Range(0, rows * width).Select(_ => (float)random.NextDouble()).ToArray();
        if (name == "softmax-ce")
        {
            for (var r = 0; r < rows; r++)
            {
                var sum = t.AsSpan(r * width, width).ToArray().Sum();
                for (var k = 0; k < width; k++)
                {
                    t[r * width + k] /= sum;
                }
            }
        }

        var g = new float[p.Length];
        const float scale = 0.25f;
        loss.Evaluate(p, t, g, rows, width, scale);
        var scratch = new float[p.Length];
        const float eps = 1e-2f;
        for (var i = 0; i < p.Length; i++)
        {
            var keep = p[i];
            p[i] = keep + eps;
            var plus = loss.Evaluate(p, t, scratch, rows, width, 1f);
            p[i] = keep - eps;
            var minus = loss.Evaluate(p, t, scratch, rows, width, 1f);
            p[i] = keep;
            var numeric = scale * (plus - minus) / (2 * eps);
            g[i].ShouldBe((float)numeric, 1e-3f, $"{name} gradient {i}");
        }
    }

    [Fact]
    public void Evaluate_ShortSpans_Throws() =>
        Should.Throw<ArgumentException>(() => MeanSquaredError.Instance.Evaluate(new float[3], new float[4], new float[4], 2, 2, 1f));

    private static ILoss Make(string name) => name switch
    {
        "mse" => MeanSquaredError.Instance,
        "huber" => new HuberLoss(0.7f),
        "bce" => BinaryCrossEntropy.Instance,
        _ => SoftmaxCrossEntropy.Instance,
    };
}
