using Vigil.ML.Persistence;

namespace Vigil.ML.Ensembles;

/// <summary>The payload of a <see cref="VotingClassifierModel"/>: int32 features, int32 classes, int32 voting kind, int32 members; per member float64 weight and the nested model.</summary>
internal sealed class VotingClassifierCodec : ModelCodec<VotingClassifierModel>
{
    public override string Kind => "vigil.voting-classifier";

    public override void Write(VotingClassifierModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write((int)model.Voting);
        writer.Write(model.MemberCount);
        for (var m = 0; m < model.MemberCount; m++)
        {
            writer.Write(model.Weights[m]);
            codecs.WriteNested(model.Member(m), writer);
        }
    }

    public override VotingClassifierModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var (features, classes, voting) = (reader.ReadInt32(), reader.ReadInt32(), (VotingKind)reader.ReadInt32());
        CodecIo.Check(features >= 0 && classes >= 1, $"Voting header: {features} features, {classes} classes.");
        var count = CodecIo.Count(reader, "member", 8);
        var members = new IClassifierModel[count];
        var weights = new double[count];
        for (var m = 0; m < count; m++)
        {
            weights[m] = reader.ReadDouble();
            members[m] = CodecIo.Nested<IClassifierModel>(reader, formatVersion, codecs, "voting member");
        }

        return new VotingClassifierModel(members, weights, voting, features, classes);
    }
}

/// <summary>The payload of an <see cref="AveragingRegressorModel"/>: int32 features, int32 members; per member float64 weight and the nested model.</summary>
internal sealed class AveragingRegressorCodec : ModelCodec<AveragingRegressorModel>
{
    public override string Kind => "vigil.averaging-regressor";

    public override void Write(AveragingRegressorModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.MemberCount);
        for (var m = 0; m < model.MemberCount; m++)
        {
            writer.Write(model.Weights[m]);
            codecs.WriteNested(model.Member(m), writer);
        }
    }

    public override AveragingRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = reader.ReadInt32();
        CodecIo.Check(features >= 0, $"Averaging header: {features} features.");
        var count = CodecIo.Count(reader, "member", 8);
        var members = new IRegressorModel[count];
        var weights = new double[count];
        for (var m = 0; m < count; m++)
        {
            weights[m] = reader.ReadDouble();
            members[m] = CodecIo.Nested<IRegressorModel>(reader, formatVersion, codecs, "averaged member");
        }

        return new AveragingRegressorModel(members, weights, features);
    }
}
