using Shouldly;
using Vigil.ML.Neural;

namespace Vigil.ML.Neural.Tests.Layers;

internal static class RecurrentAssertions
{
    /// <summary>Asserts that each units × units gate block of a [units × gates·units] matrix has orthonormal columns.</summary>
    public static void BlocksAreOrthogonal(float[] weights, int units, int gates)
    {
        var stride = units * gates;
        for (var gate = 0; gate < gates; gate++)
        {
            for (var a = 0; a < units; a++)
            {
                for (var b = 0; b < units; b++)
                {
                    double dot = 0;
                    for (var row = 0; row < units; row++)
                    {
                        dot += (double)weights[row * stride + gate * units + a] * weights[row * stride + gate * units + b];
                    }

                    dot.ShouldBe(a == b ? 1.0 : 0.0, 1e-5);
                }
            }
        }
    }

    /// <summary>Runs forward (training and inference) and backward on a state sized for more rows than the batch and compares with an exactly sized state; then checks that forward passes allocate nothing.</summary>
    public static void BehavesTheSameInALargerStateWithoutAllocating(Func<bool, Layer> make)
    {
        foreach (var returnSequences in new[] { true, false })
        {
            const int batch = 2;
            var layer = make(returnSequences);
            layer.Build(new SequenceShape(5, 3));
            layer.Initialize(new Random(4));
            var random = new Random(5);
            var x = Enumerable.Range(0, batch * 15).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var dy = Enumerable.Range(0, batch * layer.OutputShape.Size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

            (float[] Output, float[] InputGradient, float[][] Gradients) Run(LayerState state)
            {
                var y = new float[batch * layer.OutputShape.Size];
                var dx = new float[x.Length];
                layer.Forward(state, x, y, batch, ForwardMode.Inference);
                var inference = (float[])y.Clone();
                layer.Forward(state, x, y, batch, ForwardMode.Train(3));
                y.ShouldBe(inference);
                layer.Backward(state, x, y, dy, dx, batch);
                return (y, dx, state.Gradients);
            }

            var exact = Run(layer.CreateState(batch));
            var large = layer.CreateState(7);
            Run(large); // dirty the larger buffers first
            large.ZeroGradients();
            var reused = Run(large);
            reused.Output.ShouldBe(exact.Output);
            reused.InputGradient.ShouldBe(exact.InputGradient);
            for (var p = 0; p < exact.Gradients.Length; p++)
            {
                reused.Gradients[p].ShouldBe(exact.Gradients[p]);
            }

            var output = new float[batch * layer.OutputShape.Size];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 3; i++)
            {
                layer.Forward(large, x, output, batch, ForwardMode.Train(1));
                layer.Forward(large, x, output, batch, ForwardMode.Inference);
            }

            (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        }
    }
}
