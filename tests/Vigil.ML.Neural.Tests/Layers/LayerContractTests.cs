using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Layers;
using Xunit;

namespace Vigil.ML.Neural.Tests.Layers;

public sealed class LayerContractTests
{
    public static TheoryData<string> Kinds() => [.. Samples().Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FromSettings_round_trips(string name)
    {
        var layer = Samples()[name]();
        var copy = Rebuild(layer);

        copy.GetType().ShouldBe(layer.GetType());
        copy.Kind.ShouldBe(layer.Kind);
        copy.IsBuilt.ShouldBeFalse();
        copy.Settings.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(layer.Settings.OrderBy(p => p.Key, StringComparer.Ordinal));

        // Equal layers compute the same function once given the same weights.
        var shape = new SequenceShape(6, 3);
        var a = Network.Create(shape, [layer], seed: 4);
        var b = Network.Create(shape, [copy], seed: 4);
        var x = Enumerable.Range(0, 2 * shape.Size).Select(i => MathF.Sin(i * 0.7f)).ToArray();
        var ya = a.Forward(a.CreateWorkspace(2), x, 2, ForwardMode.Train(3)).ToArray();
        var yb = b.Forward(b.CreateWorkspace(2), x, 2, ForwardMode.Train(3)).ToArray();
        yb.ShouldBe(ya);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Forward_and_backward_do_not_allocate(string name)
    {
        var network = Network.Create(new SequenceShape(12, 4), [Samples()[name]()], seed: 2);
        var workspace = network.CreateWorkspace(8);
        var x = Enumerable.Range(0, 8 * 48).Select(i => MathF.Cos(i * 0.37f)).ToArray();
        var dy = Enumerable.Range(0, 8 * network.OutputShape.Size).Select(i => MathF.Sin(i * 0.11f)).ToArray();
        for (var warm = 0; warm < 3; warm++)
        {
            network.Forward(workspace, x, 8, ForwardMode.Train(5));
            network.Backward(workspace, x, dy, 8);
        }

        var layer = network.Layers[0];
        var state = workspace.States[0];
        var output = new float[8 * layer.OutputShape.Size];
        var dx = new float[x.Length];
        layer.Forward(state, x, output, 8, ForwardMode.Train(5));
        layer.Backward(state, x, output, dy, dx, 8);
        var before = GC.GetAllocatedBytesForCurrentThread();
        layer.Forward(state, x, output, 8, ForwardMode.Train(6));
        layer.Backward(state, x, output, dy, dx, 8);
        layer.Forward(state, x, output, 5, ForwardMode.Inference);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBe(0L);
    }

    [Fact]
    public void Network_assembly_reports_incompatible_shapes()
    {
        var e = Should.Throw<ArgumentException>(() =>
            Network.Assemble(new SequenceShape(6, 2), [new Conv1DLayer(4, 3), new MaxPool1DLayer(2), new MaxPool1DLayer(3)]));
        e.Message.ShouldContain("Layer 2 (maxpool1d)");
        e.Message.ShouldContain("(2×4)");
        e.Message.ShouldContain("poolSize 3");

        var conv = Should.Throw<ArgumentException>(() =>
            Network.Assemble(new SequenceShape(10, 2), [new LastStepLayer(), new Conv1DLayer(4, 3)]));
        conv.Message.ShouldContain("Layer 1 (conv1d)");
        conv.Message.ShouldContain("spans 3 steps");
    }

    [Fact]
    public void Layers_are_built_once()
    {
        var layer = new DenseLayer(2);
        layer.Build(new SequenceShape(1, 3));
        Should.Throw<InvalidOperationException>(() => layer.Build(new SequenceShape(1, 3)));
    }

    private static Layer Rebuild(Layer layer) => layer switch
    {
        DenseLayer => DenseLayer.FromSettings(layer.Settings),
        ActivationLayer => ActivationLayer.FromSettings(layer.Settings),
        Conv1DLayer => Conv1DLayer.FromSettings(layer.Settings),
        MaxPool1DLayer => MaxPool1DLayer.FromSettings(layer.Settings),
        DropoutLayer => DropoutLayer.FromSettings(layer.Settings),
        LayerNormLayer => LayerNormLayer.FromSettings(layer.Settings),
        FlattenLayer => FlattenLayer.FromSettings(layer.Settings),
        LastStepLayer => LastStepLayer.FromSettings(layer.Settings),
        _ => throw new InvalidOperationException(layer.Kind),
    };

    private static Dictionary<string, Func<Layer>> Samples() => new()
    {
        ["dense"] = () => new DenseLayer(5),
        ["dense-he"] = () => new DenseLayer(3, WeightInitialization.He),
        ["relu"] = () => new ActivationLayer(ActivationFunction.Relu),
        ["tanh"] = () => new ActivationLayer(ActivationFunction.Tanh),
        ["sigmoid"] = () => new ActivationLayer(ActivationFunction.Sigmoid),
        ["gelu"] = () => new ActivationLayer(ActivationFunction.Gelu),
        ["linear"] = () => new ActivationLayer(ActivationFunction.Linear),
        ["conv-valid"] = () => new Conv1DLayer(4, 3),
        ["conv-same"] = () => new Conv1DLayer(2, 2, stride: 2, dilation: 2, padding: Padding.Same, init: WeightInitialization.He),
        ["maxpool"] = () => new MaxPool1DLayer(2),
        ["maxpool-overlap"] = () => new MaxPool1DLayer(3, 1),
        ["dropout"] = () => new DropoutLayer(0.3),
        ["dropout-odd"] = () => new DropoutLayer(0.1234567890123),
        ["layernorm"] = () => new LayerNormLayer(),
        ["flatten"] = () => new FlattenLayer(),
        ["laststep"] = () => new LastStepLayer(),
    };
}
