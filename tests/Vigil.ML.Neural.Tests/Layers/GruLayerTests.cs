using Shouldly;
using Xunit;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class GruLayerTests
{
    [Theory]
    [InlineData(1, 3, 4, 1, true)]
    [InlineData(1, 3, 4, 3, false)]
    [InlineData(5, 3, 4, 1, true)]
    [InlineData(5, 3, 4, 3, true)]
    [InlineData(5, 3, 4, 3, false)]
    [InlineData(4, 2, 9, 2, false)]
    [InlineData(3, 5, 17, 2, true)]
    public void Backward_matches_finite_differences(int steps, int features, int units, int batch, bool returnSequences)
    {
        GradientCheck.Verify(() => new GruLayer(units, returnSequences), new SequenceShape(steps, features), batch, seed: steps * 100 + units);
    }

    [Fact]
    public void Stacked_layers_pass_a_network_gradient_check()
    {
        var network = Network.Create(new SequenceShape(5, 3), [new GruLayer(4, returnSequences: true), new GruLayer(3)], seed: 11);
        NetworkGradientCheck.Verify(network, batch: 3, seed: 5).ShouldBeGreaterThan(0);

        // Non-zero biases too (they start at zero or one).
        var random = new Random(12);
        foreach (var bias in network.Parameters.Where(p => !p.Decays))
        {
            for (var i = 0; i < bias.Length; i++)
            {
                bias.Value[i] = (float)(random.NextDouble() - 0.5);
            }
        }

        NetworkGradientCheck.Verify(network, batch: 2, seed: 6).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Forward_matches_a_naive_implementation(bool training)
    {
        const int batch = 3, steps = 6, features = 5, units = 11;
        var layer = new GruLayer(units, returnSequences: true);
        layer.Build(new SequenceShape(steps, features));
        var random = new Random(3);
        foreach (var p in layer.Parameters)
        {
            for (var i = 0; i < p.Length; i++)
            {
                p.Value[i] = (float)(random.NextDouble() - 0.5);
            }
        }

        var x = RandomValues(batch * steps * features, random);
        var output = new float[batch * steps * units];
        layer.Forward(layer.CreateState(batch + 2), x, output, batch, training ? ForwardMode.Train(1) : ForwardMode.Inference);
        var expected = RecurrentReference.Gru(x, batch, steps, features, units, layer.Parameters[0].Value, layer.Parameters[1].Value, layer.Parameters[2].Value, layer.Parameters[3].Value);
        for (var i = 0; i < output.Length; i++)
        {
            output[i].ShouldBe((float)expected[i], 1e-5);
        }
    }

    [Fact]
    public void Last_state_output_equals_the_last_step_of_the_sequence_output()
    {
        const int batch = 4, steps = 7, features = 3, units = 10;
        var shape = new SequenceShape(steps, features);
        var sequence = new GruLayer(units, returnSequences: true);
        var last = new GruLayer(units, returnSequences: false);
        sequence.Build(shape);
        last.Build(shape);
        sequence.Initialize(new Random(8));
        last.Initialize(new Random(8));
        var x = RandomValues(batch * shape.Size, new Random(9));
        foreach (var mode in new[] { ForwardMode.Inference, ForwardMode.Train(2) })
        {
            var all = new float[batch * steps * units];
            var final = new float[batch * units];
            sequence.Forward(sequence.CreateState(batch), x, all, batch, mode);
            last.Forward(last.CreateState(batch), x, final, batch, mode);
            for (var b = 0; b < batch; b++)
            {
                final.AsSpan(b * units, units).ToArray().ShouldBe(all.AsSpan((b * steps + steps - 1) * units, units).ToArray());
            }
        }
    }

    [Fact]
    public void Same_seed_gives_bit_identical_outputs_and_gradients()
    {
        float[][] Run()
        {
            var network = Network.Create(new SequenceShape(6, 4), [new GruLayer(8, returnSequences: true), new GruLayer(5)], seed: 21);
            var workspace = network.CreateWorkspace(3);
            var x = RandomValues(3 * 24, new Random(4));
            var output = network.Forward(workspace, x, 3, ForwardMode.Train(9)).ToArray();
            network.Backward(workspace, x, RandomValues(output.Length, new Random(5)), 3);
            return [output, .. network.Parameters.Select(p => p.Value), .. workspace.ParameterGradients()];
        }

        var first = Run();
        var second = Run();
        first.Length.ShouldBe(second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            first[i].ShouldBe(second[i]);
        }
    }

    [Fact]
    public void Initialization_follows_the_documented_scheme()
    {
        const int units = 6, features = 4;
        var layer = new GruLayer(units);
        layer.Build(new SequenceShape(3, features));
        layer.Initialize(new Random(1));
        var limit = (float)Math.Sqrt(6.0 / (features + 3 * units));
        layer.Parameters[0].Value.ShouldAllBe(v => Math.Abs(v) <= limit);
        layer.Parameters[0].Value.ShouldContain(v => v != 0f);
        layer.Parameters[2].Value.ShouldAllBe(v => v == 0f);
        layer.Parameters[3].Value.ShouldAllBe(v => v == 0f);
        layer.Parameters[2].Decays.ShouldBeFalse();
        layer.Parameters[3].Decays.ShouldBeFalse();
        RecurrentAssertions.BlocksAreOrthogonal(layer.Parameters[1].Value, units, 3);
    }

    [Fact]
    public void Batches_smaller_than_the_state_work_and_forward_passes_do_not_allocate()
    {
        RecurrentAssertions.BehavesTheSameInALargerStateWithoutAllocating(returnSequences => new GruLayer(6, returnSequences));
    }

    [Fact]
    public void Settings_round_trip()
    {
        foreach (var returnSequences in new[] { true, false })
        {
            var layer = new GruLayer(17, returnSequences);
            var copy = GruLayer.FromSettings(layer.Settings);
            copy.Units.ShouldBe(17);
            copy.ReturnSequences.ShouldBe(returnSequences);
            copy.Kind.ShouldBe("gru");
            copy.IsBuilt.ShouldBeFalse();
            copy.Settings.ShouldBe(layer.Settings);
        }
    }

    [Fact]
    public void Invalid_options_throw_naming_the_option()
    {
        Should.Throw<ArgumentException>(() => new GruLayer(0)).Message.ShouldContain("units");
        Should.Throw<ArgumentException>(() => GruLayer.FromSettings(new Dictionary<string, string> { ["units"] = "x" })).Message.ShouldContain("units");
        Should.Throw<ArgumentException>(() => GruLayer.FromSettings(new Dictionary<string, string> { ["units"] = "3", ["returnSequences"] = "maybe" })).Message.ShouldContain("returnSequences");
    }

    [Fact]
    public void Shapes_and_parameters()
    {
        var sequence = new GruLayer(5, returnSequences: true);
        sequence.Build(new SequenceShape(7, 3)).ShouldBe(new SequenceShape(7, 5));
        var last = new GruLayer(5);
        last.Build(new SequenceShape(7, 3)).ShouldBe(SequenceShape.Dense(5));
        last.Parameters.Select(p => p.Name).ShouldBe(["input_weight", "recurrent_weight", "input_bias", "recurrent_bias"]);
        last.Parameters.Select(p => p.Length).ShouldBe([3 * 15, 5 * 15, 15, 15]);
    }

    [Fact]
    public void Backward_without_a_training_forward_throws()
    {
        var layer = new GruLayer(4);
        layer.Build(new SequenceShape(3, 2));
        layer.Initialize(new Random(1));
        var state = layer.CreateState(2);
        var x = new float[12];
        var y = new float[8];
        layer.Forward(state, x, y, 2, ForwardMode.Inference);
        Should.Throw<InvalidOperationException>(() => layer.Backward(state, x, y, y, [], 2));
    }

    private static float[] RandomValues(int count, Random random) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
}
