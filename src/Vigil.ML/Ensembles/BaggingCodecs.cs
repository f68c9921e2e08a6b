using Vigil.ML.Persistence;

namespace Vigil.ML.Ensembles;

/// <summary>
/// The payload of a <see cref="BaggingClassifierModel"/>: int32 features, int32 classes, int32 members; per member
/// its column subset (int32 width, −1 = all, then the columns) and the nested member model.
/// </summary>
internal sealed class BaggingClassifierCodec : ModelCodec<BaggingClassifierModel>
{
    public override string Kind => "vigil.bagging-classifier";

    public override void Write(BaggingClassifierModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write(model.MemberCount);
        foreach (var m in model.Members)
        {
            CodecIo.WriteColumns(writer, m.Columns);
            codecs.WriteNested(m.Model, writer);
        }
    }

    public override BaggingClassifierModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = reader.ReadInt32();
        var classes = reader.ReadInt32();
        CodecIo.Check(features >= 0 && classes >= 1, $"Bagging header: {features} features, {classes} classes.");
        var members = new BaggingMember<IClassifierModel>[CodecIo.Count(reader, "member")];
        for (var i = 0; i < members.Length; i++)
        {
            var columns = CodecIo.ReadColumns(reader, features);
            members[i] = new(CodecIo.Nested<IClassifierModel>(reader, formatVersion, codecs, "bagged member"), columns);
        }

        CodecIo.Check(members.Length > 0, "A bagging model needs at least one member.");
        return new BaggingClassifierModel(members, features, classes);
    }
}

/// <summary>The payload of a <see cref="BaggingRegressorModel"/>: int32 features, int32 members; per member its column subset and nested model.</summary>
internal sealed class BaggingRegressorCodec : ModelCodec<BaggingRegressorModel>
{
    public override string Kind => "vigil.bagging-regressor";

    public override void Write(BaggingRegressorModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.MemberCount);
        foreach (var m in model.Members)
        {
            CodecIo.WriteColumns(writer, m.Columns);
            codecs.WriteNested(m.Model, writer);
        }
    }

    public override BaggingRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = reader.ReadInt32();
        CodecIo.Check(features >= 0, $"Bagging header: {features} features.");
        var members = new BaggingMember<IRegressorModel>[CodecIo.Count(reader, "member")];
        for (var i = 0; i < members.Length; i++)
        {
            var columns = CodecIo.ReadColumns(reader, features);
            members[i] = new(CodecIo.Nested<IRegressorModel>(reader, formatVersion, codecs, "bagged member"), columns);
        }

        CodecIo.Check(members.Length > 0, "A bagging model needs at least one member.");
        return new BaggingRegressorModel(members, features);
    }
}
