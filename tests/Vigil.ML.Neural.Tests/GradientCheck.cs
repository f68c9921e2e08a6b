using Vigil.ML.Neural;

namespace Vigil.ML.Neural.Tests;

/// <summary>Compares a layer's hand-written backward pass with central finite differences of L = Σ output · r for a random r.</summary>
public static class GradientCheck
{
    /// <summary>Checks dL/dInput and dL/dParameter for up to <paramref name="probes"/> entries of each; throws with the worst mismatch.</summary>
    /// <param name="make">Creates a fresh, unbuilt layer.</param>
    /// <param name="input">The per-example input shape.</param>
    /// <param name="batch">The batch size to check with.</param>
    /// <param name="seed">Seeds the input, the weights, r and the forward mode (dropout masks repeat for each evaluation).</param>
    /// <param name="epsilon">The finite-difference step.</param>
    /// <param name="relativeTolerance">Allowed |numeric − analytic| relative to max(|numeric|, |analytic|, 1e-1)... in absolute terms with <paramref name="absoluteTolerance"/> added.</param>
    /// <param name="absoluteTolerance">The absolute slack added to the relative tolerance.</param>
    /// <param name="probes">How many entries of the input and of each parameter to probe.</param>
    /// <param name="inputValues">Optional fixed input values (length batch × input.Size) instead of uniform(−1, 1).</param>
    /// <returns>The largest relative error seen.</returns>
    public static double Verify(
        Func<Layer> make, SequenceShape input, int batch = 3, int seed = 1,
        float epsilon = 1e-2f, double relativeTolerance = 2e-2, double absoluteTolerance = 2e-3, int probes = 40,
        float[]? inputValues = null)
    {
        var layer = make();
        layer.Build(input);
        var random = new Random(seed);
        layer.Initialize(random);
        var x = inputValues ?? [.. Enumerable.Range(0, batch * input.Size).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        var outSize = batch * layer.OutputShape.Size;
        var r = Enumerable.Range(0, outSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var mode = ForwardMode.Train((ulong)seed * 7919UL + 13UL);
        var state = layer.CreateState(batch);
        var output = new float[outSize];

        double Loss()
        {
            var s = layer.CreateState(batch);
            var o = new float[outSize];
            layer.Forward(s, x, o, batch, mode);
            double sum = 0;
            for (var i = 0; i < o.Length; i++)
            {
                sum += (double)o[i] * r[i];
            }

            return sum;
        }

        layer.Forward(state, x, output, batch, mode);
        var dx = new float[x.Length];
        layer.Backward(state, x, output, r, dx, batch);

        var worst = 0.0;
        var failures = new List<string>();

        void Probe(string what, float[] values, int index, double analytic)
        {
            var keep = values[index];
            values[index] = keep + epsilon;
            var plus = Loss();
            values[index] = keep - epsilon;
            var minus = Loss();
            values[index] = keep;
            var numeric = (plus - minus) / (2.0 * epsilon);
            var error = Math.Abs(numeric - analytic);
            var allowed = absoluteTolerance + relativeTolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic));
            var relative = error / Math.Max(Math.Max(Math.Abs(numeric), Math.Abs(analytic)), 1e-3);
            worst = Math.Max(worst, relative);
            if (error > allowed)
            {
                failures.Add($"{layer.Kind} {what}[{index}]: analytic {analytic:G6}, numeric {numeric:G6}");
            }
        }

        var pick = new Random(seed + 1);
        foreach (var i in Sample(x.Length, probes, pick))
        {
            Probe("input", x, i, dx[i]);
        }

        for (var p = 0; p < layer.Parameters.Count; p++)
        {
            var parameter = layer.Parameters[p];
            foreach (var i in Sample(parameter.Length, probes, pick))
            {
                Probe(parameter.Name, parameter.Value, i, state.Gradients[p][i]);
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{failures.Count} gradient mismatches (worst relative {worst:G3}):\n" + string.Join("\n", failures.Take(20)));
        }

        return worst;
    }

    private static IEnumerable<int> Sample(int length, int count, Random random)
    {
        if (length <= count)
        {
            return Enumerable.Range(0, length);
        }

        return Enumerable.Range(0, count).Select(_ => random.Next(length)).Distinct();
    }
}
