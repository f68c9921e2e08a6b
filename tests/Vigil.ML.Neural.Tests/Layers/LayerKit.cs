using Vigil.ML.Neural;

namespace Vigil.ML.Neural.Tests.Layers;

/// <summary>Runs one built layer on a small batch for golden-number tests.</summary>
internal static class LayerKit
{
    public static T Built<T>(T layer, int steps, int channels)
        where T : Layer
    {
        layer.Build(new SequenceShape(steps, channels));
        return layer;
    }

    public static float[] Forward(Layer layer, float[] input, int batch = 1, ForwardMode? mode = null)
    {
        var state = layer.CreateState(batch);
        var output = new float[batch * layer.OutputShape.Size];
        layer.Forward(state, input, output, batch, mode ?? ForwardMode.Train(1));
        return output;
    }

    public static (float[] Output, float[] InputGradient, float[][] Gradients) ForwardBackward(Layer layer, float[] input, float[] outputGradient, int batch = 1)
    {
        var state = layer.CreateState(batch);
        var output = new float[batch * layer.OutputShape.Size];
        layer.Forward(state, input, output, batch, ForwardMode.Train(1));
        var dx = new float[input.Length];
        layer.Backward(state, input, output, outputGradient, dx, batch);
        return (output, dx, state.Gradients);
    }

    /// <summary>Distinct values at least 0.05 apart in random order, so small perturbations never change a max or a ReLU's side.</summary>
    public static float[] Spaced(int count, int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(i => (float)((i - count / 2.0) * 0.05 + 0.025)).ToArray();
        random.Shuffle(values);
        return values;
    }
}
