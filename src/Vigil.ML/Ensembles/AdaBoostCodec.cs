using Vigil.ML.Persistence;

namespace Vigil.ML.Ensembles;

/// <summary>
/// The payload of an <see cref="AdaBoostModel"/>: int32 features, int32 classes, int32 constant class (−1 none),
/// int32 members; per member float64 weight, float64 error and the nested member model.
/// </summary>
internal sealed class AdaBoostCodec : ModelCodec<AdaBoostModel>
{
    public override string Kind => "vigil.adaboost-samme-classifier";

    public override void Write(AdaBoostModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.FeatureCount);
        writer.Write(model.ClassCount);
        writer.Write(model.ConstantClass);
        writer.Write(model.MemberCount);
        for (var m = 0; m < model.MemberCount; m++)
        {
            writer.Write(model.EstimatorWeights[m]);
            writer.Write(model.EstimatorErrors[m]);
            codecs.WriteNested(model.Members[m], writer);
        }
    }

    public override AdaBoostModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var features = reader.ReadInt32();
        var classes = reader.ReadInt32();
        var constant = reader.ReadInt32();
        CodecIo.Check(features >= 0 && classes >= 1 && constant >= -1, $"AdaBoost header: {features} features, {classes} classes, constant {constant}.");
        var count = CodecIo.Count(reader, "member", 16);
        var members = new IClassifierModel[count];
        var weights = new double[count];
        var errors = new double[count];
        for (var m = 0; m < count; m++)
        {
            weights[m] = reader.ReadDouble();
            errors[m] = reader.ReadDouble();
            members[m] = CodecIo.Nested<IClassifierModel>(reader, formatVersion, codecs, "boosted member");
        }

        return new AdaBoostModel(members, weights, errors, features, classes, constant);
    }
}
