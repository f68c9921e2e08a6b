using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Training;

public sealed class OptimizerTests
{
    [Fact]
    public void Adam_TwoSteps_MatchTheFormulaWithPyTorchBiasCorrection()
    {
        var w = new Parameter("weight", [3], true);
        float[] start = [1f, -2f, 0.5f];
        start.CopyTo(w.Value, 0);
        float[][] grads = [[0.5f, -0.1f, 0f], [0.2f, 0.3f, -1f]];
        var options = new AdamOptions { Beta1 = 0.8f, Beta2 = 0.9f, Epsilon = 1e-3f };
        var adam = options.Create();
        const float lr = 0.1f;

        var expected = start.Select(v => (double)v).ToArray();
        var m = new double[3];
        var v2 = new double[3];
        for (var t = 1; t <= 2; t++)
        {
            adam.Step([w], [grads[t - 1].ToArray()], lr);
            for (var i = 0; i < 3; i++)
            {
                var g = grads[t - 1][i];
                m[i] = 0.8 * m[i] + 0.2 * g;
                v2[i] = 0.9 * v2[i] + 0.1 * g * g;
                var mHat = m[i] / (1 - Math.Pow(0.8, t));
                var vHat = v2[i] / (1 - Math.Pow(0.9, t));
                expected[i] -= lr * mHat / (Math.Sqrt(vHat) + 1e-3);
            }
        }

        adam.Steps.ShouldBe(2);
        for (var i = 0; i < 3; i++)
        {
            w.Value[i].ShouldBe((float)expected[i], 1e-6f);
        }
    }

    [Fact]
    public void Adam_FirstStep_MovesEachWeightByTheLearningRate()
    {
        var w = new Parameter("weight", [2], true);
        w.Value[0] = 1f;
        w.Value[1] = -2f;

        new AdamOptions().Create().Step([w], [[0.5f, -0.1f]], 0.1f);

        w.Value.ShouldBe([0.9f, -1.9f], tolerance: 1e-5f);
    }

    [Fact]
    public void AdamW_DecaysWeightsButNotBiases()
    {
        var weight = new Parameter("weight", [2], true);
        var bias = new Parameter("bias", [2], false);
        Array.Fill(weight.Value, 1f);
        Array.Fill(bias.Value, 1f);
        var adamw = new AdamWOptions { WeightDecay = 0.5f }.Create();

        adamw.Step([weight, bias], [new float[2], new float[2]], 0.1f);

        adamw.Name.ShouldBe("adamw");
        weight.Value.ShouldBe([0.95f, 0.95f], tolerance: 1e-7f);
        bias.Value.ShouldBe([1f, 1f]);
    }

    [Fact]
    public void AdamWOptions_DefaultDecay_IsPyTorchs() => new AdamWOptions().WeightDecay.ShouldBe(0.01f);

    [Fact]
    public void Adam_L2WeightDecay_AddsToTheGradient()
    {
        var w = new Parameter("weight", [1], true);
        w.Value[0] = 2f;

        // Gradient 0 plus λ·w = 0.5·2 = 1 > 0: the first Adam step moves by −lr·sign.
        new AdamOptions { WeightDecay = 0.5f }.Create().Step([w], [[0f]], 0.1f);

        w.Value[0].ShouldBe(1.9f, 1e-5f);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sgd_Momentum_ConvergesOnAQuadratic(bool nesterov)
    {
        // f(w) = ½ Σ aᵢ wᵢ², ill-conditioned.
        float[] a = [1f, 10f, 0.2f];
        var w = new Parameter("weight", [3], true);
        float[] start = [3f, -2f, 5f];
        start.CopyTo(w.Value, 0);
        var sgd = new SgdOptions { Momentum = 0.9f, Nesterov = nesterov }.Create();
        var g = new float[3];
        for (var step = 0; step < 300; step++)
        {
            for (var i = 0; i < 3; i++)
            {
                g[i] = a[i] * w.Value[i];
            }

            sgd.Step([w], [g], 0.05f);
        }

        w.Value.ShouldAllBe(v => Math.Abs(v) < 1e-3f);
    }

    [Fact]
    public void Sgd_PlainStepWithWeightDecay_MatchesFormula()
    {
        var w = new Parameter("weight", [2], true);
        w.Value[0] = 1f;
        w.Value[1] = -1f;

        new SgdOptions { WeightDecay = 0.1f }.Create().Step([w], [[0.5f, 0.5f]], 0.2f);

        // w − lr (g + λw)
        w.Value.ShouldBe([1f - 0.2f * (0.5f + 0.1f), -1f - 0.2f * (0.5f - 0.1f)], tolerance: 1e-7f);
    }

    [Fact]
    public void Sgd_MomentumSecondStep_MatchesPyTorchBuffer()
    {
        var w = new Parameter("weight", [1], true);
        var sgd = new SgdOptions { Momentum = 0.5f }.Create();

        sgd.Step([w], [[1f]], 1f); // b = 1, w = −1
        sgd.Step([w], [[1f]], 1f); // b = 0.5 + 1 = 1.5, w = −2.5

        w.Value[0].ShouldBe(-2.5f);
    }

    [Fact]
    public void Step_OtherParametersAfterFirstCall_Throws()
    {
        var adam = new AdamOptions().Create();
        adam.Step([new Parameter("a", [2], true)], [new float[2]], 0.1f);

        Should.Throw<ArgumentException>(() => adam.Step([new Parameter("b", [2], true)], [new float[2]], 0.1f));
    }

    [Fact]
    public void Step_GradientLengthMismatch_Throws() =>
        Should.Throw<ArgumentException>(() => new SgdOptions().Create().Step([new Parameter("a", [2], true)], [new float[3]], 0.1f));

    [Fact]
    public void Options_Invalid_ThrowNamingTheOption()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new AdamOptions { Beta1 = 1f }).ParamName.ShouldBe("Beta1");
        Should.Throw<ArgumentOutOfRangeException>(() => new AdamOptions { Epsilon = 0f }).ParamName.ShouldBe("Epsilon");
        Should.Throw<ArgumentOutOfRangeException>(() => new AdamWOptions { WeightDecay = -1f }).ParamName.ShouldBe("WeightDecay");
        Should.Throw<ArgumentOutOfRangeException>(() => new SgdOptions { Momentum = -0.1f }).ParamName.ShouldBe("Momentum");
        Should.Throw<ArgumentException>(() => new SgdOptions { Nesterov = true }.Create()).ParamName.ShouldBe("Nesterov");
    }

    [Fact]
    public void Adam_SteadyState_DoesNotAllocate()
    {
        var w = new Parameter("weight", [64], true);
        var b = new Parameter("bias", [8], false);
        IReadOnlyList<Parameter> parameters = [w, b];
        IReadOnlyList<float[]> grads = [new float[64], new float[8]];
        var adamw = new AdamWOptions().Create();
        adamw.Step(parameters, grads, 0.01f);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            adamw.Step(parameters, grads, 0.01f);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
