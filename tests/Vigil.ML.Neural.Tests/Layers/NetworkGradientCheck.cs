using Vigil.ML.Neural;

namespace Vigil.ML.Neural.Tests.Layers;

/// <summary>Central-difference check of a whole network: dL/dInput (layers chained by hand) and dL/dParameters (through <see cref="Network.Backward"/>) for L = Σ output · r.</summary>
public static class NetworkGradientCheck
{
    /// <summary>Throws with the mismatches if any probed gradient differs from its finite difference; returns the number of probes.</summary>
    public static int Verify(Network network, int batch, int seed, float epsilon = 1e-2f, double relativeTolerance = 2e-2, double absoluteTolerance = 2e-3, int probes = 30)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, batch * network.InputShape.Size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var r = Enumerable.Range(0, batch * network.OutputShape.Size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var mode = ForwardMode.Train((ulong)seed);
        var workspace = network.CreateWorkspace(batch);

        double Loss()
        {
            var output = network.Forward(workspace, x, batch, mode);
            double sum = 0;
            for (var i = 0; i < r.Length; i++)
            {
                sum += (double)output[i] * r[i];
            }

            return sum;
        }

        // Parameter gradients through the network.
        workspace.ZeroGradients();
        network.Forward(workspace, x, batch, mode);
        network.Backward(workspace, x, r, batch);
        var parameterGradients = workspace.ParameterGradients().Select(g => (float[])g.Clone()).ToArray();

        // Input gradient by chaining the layers by hand.
        var layers = network.Layers;
        var states = layers.Select(l => l.CreateState(batch)).ToArray();
        var activations = layers.Select(l => new float[batch * l.OutputShape.Size]).ToArray();
        for (var i = 0; i < layers.Count; i++)
        {
            layers[i].Forward(states[i], i == 0 ? x : activations[i - 1], activations[i], batch, mode);
        }

        var upstream = r;
        float[] dx = [];
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            dx = new float[batch * layers[i].InputShape.Size];
            layers[i].Backward(states[i], i == 0 ? x : activations[i - 1], activations[i], upstream, dx, batch);
            upstream = dx;
        }

        var failures = new List<string>();
        var count = 0;
        void Probe(string what, float[] values, int index, double analytic)
        {
            var keep = values[index];
            values[index] = keep + epsilon;
            var plus = Loss();
            values[index] = keep - epsilon;
            var minus = Loss();
            values[index] = keep;
            var numeric = (plus - minus) / (2.0 * epsilon);
            var allowed = absoluteTolerance + relativeTolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic));
            count++;
            if (Math.Abs(numeric - analytic) > allowed)
            {
                failures.Add($"{what}[{index}]: analytic {analytic:G6}, numeric {numeric:G6}");
            }
        }

        var pick = new Random(seed + 1);
        for (var k = 0; k < probes; k++)
        {
            var i = pick.Next(x.Length);
            Probe("input", x, i, dx[i]);
        }

        for (var p = 0; p < network.Parameters.Count; p++)
        {
            var parameter = network.Parameters[p];
            for (var k = 0; k < probes; k++)
            {
                var i = pick.Next(parameter.Length);
                Probe($"parameter {p} ({parameter.Name})", parameter.Value, i, parameterGradients[p][i]);
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{failures.Count} network gradient mismatches:\n" + string.Join("\n", failures.Take(20)));
        }

        return count;
    }
}
