using Vigil.ML.Persistence;

namespace Vigil.ML.Boosting;

/// <summary>The payload of a <see cref="HistGradientBoostingClassifierModel"/>: int32 class count, then the ensemble (<see cref="BoostedEnsembleFormat"/>).</summary>
internal sealed class HistGradientBoostingClassifierCodec : ModelCodec<HistGradientBoostingClassifierModel>
{
    public override string Kind => "vigil.hist-gradient-boosting-classifier";

    public override void Write(HistGradientBoostingClassifierModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        writer.Write(model.ClassCount);
        BoostedEnsembleFormat.Write(writer, model.Ensemble);
    }

    public override HistGradientBoostingClassifierModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var classCount = reader.ReadInt32();
        if (classCount < 1)
        {
            throw new InvalidDataException($"A classifier needs at least one class, not {classCount}.");
        }

        var ensemble = BoostedEnsembleFormat.Read(reader);
        try
        {
            return new HistGradientBoostingClassifierModel(ensemble, classCount, Environment.ProcessorCount);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
