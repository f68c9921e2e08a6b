using Vigil.ML.Persistence;

namespace Vigil.ML.Ensembles;

/// <summary>
/// The payload of a <see cref="StackingClassifierModel"/>: int32 features, int32 classes, byte pass-through, int32
/// bases, the nested base models, then the nested meta-model.
/// </summary>
internal sealed class StackingClassifierCodec : ModelCodec<StackingClassifierModel>
{
    public override string Kind => "vigil.stacking-classifier";

    public override void Write(StackingClassifierModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write(model.PassThrough);
        writer.Write(model.BaseCount);
        for (var b = 0; b < model.BaseCount; b++)
        {
            codecs.WriteNested(model.Base(b), writer);
        }

        codecs.WriteNested(model.Meta, writer);
    }

    public override StackingClassifierModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var (features, classes, passThrough) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
        CodecIo.Check(features >= 0 && classes >= 1, $"Stacking header: {features} features, {classes} classes.");
        var bases = new IClassifierModel[CodecIo.Count(reader, "base model")];
        for (var b = 0; b < bases.Length; b++)
        {
            bases[b] = CodecIo.Nested<IClassifierModel>(reader, formatVersion, codecs, "base model");
        }

        var meta = CodecIo.Nested<IClassifierModel>(reader, formatVersion, codecs, "meta-model");
        return new StackingClassifierModel(bases, meta, new StackingLayout(bases.Length, StackingLayout.ClassifierWidth(classes), features, passThrough), classes);
    }
}

/// <summary>The payload of a <see cref="StackingRegressorModel"/>: int32 features, byte pass-through, int32 bases, the nested base models, then the nested meta-model.</summary>
internal sealed class StackingRegressorCodec : ModelCodec<StackingRegressorModel>
{
    public override string Kind => "vigil.stacking-regressor";

    public override void Write(StackingRegressorModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.PassThrough);
        writer.Write(model.BaseCount);
        for (var b = 0; b < model.BaseCount; b++)
        {
            codecs.WriteNested(model.Base(b), writer);
        }

        codecs.WriteNested(model.Meta, writer);
    }

    public override StackingRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var (features, passThrough) = (reader.ReadInt32(), reader.ReadBoolean());
        CodecIo.Check(features >= 0, $"Stacking header: {features} features.");
        var bases = new IRegressorModel[CodecIo.Count(reader, "base model")];
        for (var b = 0; b < bases.Length; b++)
        {
            bases[b] = CodecIo.Nested<IRegressorModel>(reader, formatVersion, codecs, "base model");
        }

        var meta = CodecIo.Nested<IRegressorModel>(reader, formatVersion, codecs, "meta-model");
        return new StackingRegressorModel(bases, meta, new StackingLayout(bases.Length, 1, features, passThrough));
    }
}
