using Shouldly;
using Vigil.ML.Neural;
using Vigil.ML.Neural.Persistence;
using Vigil.ML.Neural.Training;
using Vigil.ML.Neural.Tests.Training;
using Xunit;

namespace Vigil.ML.Neural.Tests.Persistence;

public sealed class NetworkCodecTests
{
    private static readonly LayerCatalog Catalog = LayerCatalog.Empty
        .With("test-affine", TestAffine.FromSettings)
        .With("test-tanh", _ => new TestTanh())
        .With("test-dropout", TestDropout.FromSettings);

    [Fact]
    public void RoundTrip_GivesBitIdenticalPredictions()
    {
        var network = Network.Create(new SequenceShape(3, 2), [new TestAffine(5), new TestTanh(), new TestDropout(0.25), new TestAffine(2)], seed: 6);
        new NeuralTrainer().Fit(network, new TrainingData([.. Enumerable.Range(0, 60).Select(i => MathF.Sin(i))], 6, [.. Enumerable.Range(0, 60).Select(i => MathF.Cos(i))], 6), null, new TrainerOptions { Epochs = 2, BatchSize = 4 });

        var copy = RoundTrip(network);

        copy.InputShape.ShouldBe(network.InputShape);
        copy.Layers.Select(l => l.Kind).ShouldBe(network.Layers.Select(l => l.Kind));
        ((TestDropout)copy.Layers[2]).Rate.ShouldBe(0.25);
        var inputs = Enumerable.Range(0, 10 * 6).Select(i => MathF.Cos(i * 0.3f)).ToArray();
        copy.Predict(inputs, 10).ShouldBe(network.Predict(inputs, 10));
        for (var p = 0; p < network.Parameters.Count; p++)
        {
            copy.Parameters[p].Value.ShouldBe(network.Parameters[p].Value);
            copy.Parameters[p].Decays.ShouldBe(network.Parameters[p].Decays);
        }
    }

    [Fact]
    public void Read_UnknownKind_NamesTheKind()
    {
        var network = Network.Create(SequenceShape.Dense(2), [new TestAffine(3), new TestTanh()], seed: 1);
        var bytes = Encode(network);

        var error = Should.Throw<InvalidDataException>(() => NetworkCodec.Read(new BinaryReader(new MemoryStream(bytes)), LayerCatalog.Empty.With("test-affine", TestAffine.FromSettings)));

        error.Message.ShouldContain("'test-tanh'");
        error.Message.ShouldContain("test-affine");
    }

    [Fact]
    public void Read_NotANetwork_Throws() =>
        Should.Throw<InvalidDataException>(() => NetworkCodec.Read(new BinaryReader(new MemoryStream(new byte[16])), Catalog));

    [Fact]
    public void Read_Truncated_Throws()
    {
        var bytes = Encode(Network.Create(SequenceShape.Dense(2), [new TestAffine(3)], seed: 1));

        Should.Throw<EndOfStreamException>(() => NetworkCodec.Read(new BinaryReader(new MemoryStream(bytes[..^4])), Catalog));
    }

    [Fact]
    public void Catalog_With_ReturnsANewCatalogAndRejectsDuplicates()
    {
        var one = LayerCatalog.Empty.With("test-tanh", _ => new TestTanh());

        LayerCatalog.Empty.Contains("test-tanh").ShouldBeFalse();
        one.Contains("test-tanh").ShouldBeTrue();
        one.Kinds.ShouldBe(["test-tanh"]);
        Should.Throw<ArgumentException>(() => one.With("test-tanh", _ => new TestTanh()));
        LayerCatalog.Default.ShouldNotBeNull();
    }

    [Fact]
    public void Catalog_FactoryBuildingAnotherKind_Throws()
    {
        var wrong = LayerCatalog.Empty.With("test-affine", _ => new TestTanh());

        Should.Throw<InvalidDataException>(() => wrong.Create("test-affine", new Dictionary<string, string>())).Message.ShouldContain("test-tanh");
    }

    private static byte[] Encode(Network network)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            NetworkCodec.Write(writer, network);
        }

        return stream.ToArray();
    }

    private static Network RoundTrip(Network network)
    {
        using var reader = new BinaryReader(new MemoryStream(Encode(network)));
        var copy = NetworkCodec.Read(reader, Catalog);
        reader.BaseStream.Position.ShouldBe(reader.BaseStream.Length);
        return copy;
    }
}
