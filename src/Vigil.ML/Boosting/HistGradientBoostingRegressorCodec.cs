using Vigil.ML.Persistence;

namespace Vigil.ML.Boosting;

/// <summary>The payload of a <see cref="HistGradientBoostingRegressorModel"/>: the ensemble (<see cref="BoostedEnsembleFormat"/>).</summary>
internal sealed class HistGradientBoostingRegressorCodec : ModelCodec<HistGradientBoostingRegressorModel>
{
    public override string Kind => "vigil.hist-gradient-boosting-regressor";

    public override void Write(HistGradientBoostingRegressorModel model, BinaryWriter writer, ModelCodecs codecs) =>
        BoostedEnsembleFormat.Write(writer, model.Ensemble);

    public override HistGradientBoostingRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var ensemble = BoostedEnsembleFormat.Read(reader);
        try
        {
            return new HistGradientBoostingRegressorModel(ensemble, Environment.ProcessorCount);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
