using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Vigil.ML.Persistence;
using Vigil.ML.Preprocessing;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Persistence;

public sealed class ModelFileVersionTests
{
    private static DataFrame Frame()
    {
        var x = Enumerable.Range(0, 60).Select(i => (double)(i % 10)).ToArray();
        return new DataFrame([new Float64Column("x", x), new Float64Column("y", [.. x.Select((v, i) => (v * v > 20) ^ (i % 9 == 0) ? 1.0 : 0.0)])]);
    }

    [Fact]
    public void SaveLoad_WithPreprocessor_RoundTripsAndAppliesIt()
    {
        var frame = Frame();
        var squarer = new Squarer();
        var model = TabularClassifier.Fit(new DecisionTreeLearner(), frame, new TabularEncoderOptions { Target = "y" }, squarer);
        var codecs = ModelCodecs.Default.With(new SquarerCodec());

        using var stream = new MemoryStream();
        ModelFile.Save(model, stream, codecs);
        stream.Position = 0;
        var loaded = (TabularClassifier)ModelFile.Load(stream, codecs);

        loaded.Preprocessor.ShouldBeOfType<Squarer>();
        loaded.Encoding.FeatureNames.ShouldBe(["x", "x_squared"]);
        loaded.PredictProba(frame.Drop("y")).ShouldBe(model.PredictProba(frame.Drop("y")));
    }

    [Fact]
    public void Load_WithoutThePreprocessorCodec_FailsClearly()
    {
        var model = TabularClassifier.Fit(new DecisionTreeLearner(), Frame(), new TabularEncoderOptions { Target = "y" }, new Squarer());
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream, ModelCodecs.Default.With(new SquarerCodec()));
        stream.Position = 0;

        Should.Throw<ModelFileException>(() => ModelFile.Load(stream)).Message.ShouldContain("test.squarer");
    }

    [Fact]
    public void Load_VersionOneFile_StillReads()
    {
        var model = TabularClassifier.Fit(new DecisionTreeLearner(), Frame(), new TabularEncoderOptions { Target = "y" });
        using var current = new MemoryStream();
        ModelFile.Save(model, current);
        var (version, metadata, payload) = ModelFileFormat.Read(current.ToArray());
        version.ShouldBe(2);
        payload[0].ShouldBe((byte)0); // no preprocessor

        var v1 = ModelFileFormat.Write(1, metadata, payload.AsSpan(1)); // version 1 had no preprocessor flag
        var loaded = (TabularClassifier)ModelFile.Load(new MemoryStream(v1));

        loaded.Preprocessor.ShouldBeNull();
        loaded.PredictProba(Frame()).ShouldBe(model.PredictProba(Frame()));
    }

    private sealed class Squarer : IFittedFrameTransform
    {
        public FrameSchema InputSchema { get; } = new([new ColumnSchema("x", ColumnKind.Float64)]);

        public DataFrame Transform(DataFrame frame)
        {
            var x = frame.Get<Float64Column>("x").ToArray();
            return frame.WithColumn(new Float64Column("x_squared", [.. x.Select(v => v * v)]));
        }
    }

    private sealed class SquarerCodec : ModelCodec<Squarer>
    {
        public override string Kind => "test.squarer";

        public override void Write(Squarer model, BinaryWriter writer, ModelCodecs codecs) => writer.Write(1);

        public override Squarer Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
        {
            reader.ReadInt32().ShouldBe(1);
            return new Squarer();
        }
    }
}
