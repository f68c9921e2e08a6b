using Vigil.ML.Persistence;

namespace Vigil.ML.Ensembles;

/// <summary>The payload of a <see cref="LinearCombinerModel"/>: int32 count + float64 coefficients, then the float64 intercept.</summary>
internal sealed class LinearCombinerCodec : ModelCodec<LinearCombinerModel>
{
    public override string Kind => "vigil.linear-combiner-regressor";

    public override void Write(LinearCombinerModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        CodecIo.WriteDoubles(writer, model.Coefficients);
        writer.Write(model.Intercept);
    }

    public override LinearCombinerModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs) =>
        new(CodecIo.ReadDoubles(reader, "coefficient"), reader.ReadDouble());
}
