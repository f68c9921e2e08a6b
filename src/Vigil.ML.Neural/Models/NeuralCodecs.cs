using Vigil.ML.Persistence;

namespace Vigil.ML.Neural.Models;

/// <summary>Model-file codecs of the neural models; add them to a codec set with <see cref="AddTo"/>.</summary>
public static class NeuralCodecs
{
    /// <summary>Returns <paramref name="codecs"/> plus the neural regressor, classifier and RUL window-regressor codecs.</summary>
    public static ModelCodecs AddTo(ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        return codecs.With(new RegressorCodec()).With(new ClassifierCodec()).With(new Rul.NeuralWindowRegressorCodec());
    }

    private sealed class RegressorCodec : ModelCodec<NeuralRegressorModel>
    {
        public override string Kind => "neural-regressor";

        public override void Write(NeuralRegressorModel model, BinaryWriter writer, ModelCodecs codecs) => model.Write(writer);

        public override NeuralRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs) => NeuralRegressorModel.Read(reader);
    }

    private sealed class ClassifierCodec : ModelCodec<NeuralClassifierModel>
    {
        public override string Kind => "neural-classifier";

        public override void Write(NeuralClassifierModel model, BinaryWriter writer, ModelCodecs codecs) => model.Write(writer);

        public override NeuralClassifierModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs) => NeuralClassifierModel.Read(reader);
    }
}
