using System.Globalization;
using System.Numerics.Tensors;
using Vigil.ML.Neural;

namespace Vigil.ML.Neural.Tests;

/// <summary>Test-only affine layer y = x·W + b over the channels of every step (W is [channels × units]).</summary>
internal sealed class TestAffine(int units) : Layer
{
    public int Units { get; } = units;

    public override string Kind => "test-affine";

    public override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["units"] = Units.ToString(CultureInfo.InvariantCulture) };

    public static TestAffine FromSettings(IReadOnlyDictionary<string, string> settings) =>
        new(int.Parse(settings["units"], CultureInfo.InvariantCulture));

    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) =>
        (new SequenceShape(input.Steps, Units), [new Parameter("weight", [input.Channels, Units], true), new Parameter("bias", [Units], false)]);

    public override void Initialize(Random random)
    {
        var w = Parameters[0].Value;
        var limit = Math.Sqrt(6.0 / (InputShape.Channels + Units));
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)((random.NextDouble() * 2 - 1) * limit);
        }

        Array.Clear(Parameters[1].Value);
    }

    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var rows = batch * InputShape.Steps;
        var channels = InputShape.Channels;
        Gemm.Multiply(false, false, rows, Units, channels, input, channels, Parameters[0].Value, Units, output, Units, false);
        var bias = Parameters[1].Value;
        for (var r = 0; r < rows; r++)
        {
            var row = output.Slice(r * Units, Units);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        var rows = batch * InputShape.Steps;
        var channels = InputShape.Channels;
        Gemm.Multiply(true, false, channels, Units, rows, input, channels, outputGradient, Units, state.Gradients[0], Units, true);
        var db = state.Gradients[1].AsSpan();
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(db, outputGradient.Slice(r * Units, Units), db);
        }

        if (inputGradient.IsEmpty)
        {
            return;
        }

        var w = Parameters[0].Value.AsSpan();
        for (var r = 0; r < rows; r++)
        {
            var dy = outputGradient.Slice(r * Units, Units);
            for (var c = 0; c < channels; c++)
            {
                inputGradient[r * channels + c] = TensorPrimitives.Dot(dy, w.Slice(c * Units, Units));
            }
        }
    }
}

/// <summary>Test-only element-wise tanh.</summary>
internal sealed class TestTanh : Layer
{
    public override string Kind => "test-tanh";

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) => (input, []);

    public override void Initialize(Random random)
    {
    }

    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode) =>
        TensorPrimitives.Tanh(input, output);

    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        TensorPrimitives.Multiply(output, output, inputGradient);
        TensorPrimitives.Multiply(inputGradient, outputGradient, inputGradient);
        TensorPrimitives.Subtract(outputGradient, inputGradient, inputGradient);
    }
}

/// <summary>Test-only inverted dropout whose mask is a pure function of the forward-mode seed and the element index.</summary>
internal sealed class TestDropout(double rate) : Layer
{
    public double Rate { get; } = rate;

    public override string Kind => "test-dropout";

    public override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["rate"] = Rate.ToString("R", CultureInfo.InvariantCulture) };

    public static TestDropout FromSettings(IReadOnlyDictionary<string, string> settings) =>
        new(double.Parse(settings["rate"], CultureInfo.InvariantCulture));

    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) => (input, []);

    public override void Initialize(Random random)
    {
    }

    public override LayerState CreateState(int maxBatch) => new MaskState(this, maxBatch);

    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var n = batch * InputShape.Size;
        if (!mode.Training)
        {
            input[..n].CopyTo(output);
            return;
        }

        var mask = ((MaskState)state).Mask;
        var keep = (float)(1 / (1 - Rate));
        for (var i = 0; i < n; i++)
        {
            var z = mode.Seed + (ulong)i * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            mask[i] = (z >> 11) * (1.0 / (1UL << 53)) < Rate ? 0f : keep;
        }

        TensorPrimitives.Multiply(input[..n], mask.AsSpan(0, n), output[..n]);
    }

    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (!inputGradient.IsEmpty)
        {
            var n = batch * InputShape.Size;
            TensorPrimitives.Multiply(outputGradient[..n], ((MaskState)state).Mask.AsSpan(0, n), inputGradient[..n]);
        }
    }

    private sealed class MaskState(TestDropout layer, int maxBatch) : LayerState(layer, maxBatch)
    {
        public float[] Mask { get; } = new float[maxBatch * layer.InputShape.Size];
    }
}

/// <summary>Builders of small test networks.</summary>
internal static class TestNetworks
{
    /// <summary>affine(hidden) → tanh → [dropout] → affine(outputs).</summary>
    public static Network Mlp(int inputs, int hidden, int outputs, int seed, double dropout = 0)
    {
        var layers = new List<Layer> { new TestAffine(hidden), new TestTanh() };
        if (dropout > 0)
        {
            layers.Add(new TestDropout(dropout));
        }

        layers.Add(new TestAffine(outputs));
        return Network.Create(SequenceShape.Dense(inputs), layers, seed);
    }

    /// <summary>Copies of every parameter value.</summary>
    public static float[][] Weights(Network network) => [.. network.Parameters.Select(p => p.Value.ToArray())];
}
