using Vigil.ML.Persistence;

namespace Vigil.ML.Forests;

/// <summary>The payload of a <see cref="RandomForestRegressorModel"/>: one <see cref="ForestFormat"/> block (value width 1).</summary>
internal sealed class RandomForestRegressorCodec : ModelCodec<RandomForestRegressorModel>
{
    public override string Kind => "vigil.random-forest-regressor";

    public override void Write(RandomForestRegressorModel model, BinaryWriter writer, ModelCodecs codecs) =>
        ForestFormat.Write(writer, model.Layout, model.FeatureImportances, model.OobScore);

    public override RandomForestRegressorModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var (layout, importances, oob) = ForestFormat.Read(reader);
        if (layout.Width != 1)
        {
            throw new InvalidDataException($"A regression forest has value width 1, not {layout.Width}.");
        }

        return new RandomForestRegressorModel(layout, importances, oob, null, Environment.ProcessorCount);
    }
}
