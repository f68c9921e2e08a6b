using Vigil.ML.Persistence;

namespace Vigil.ML.Forests;

/// <summary>The payload of a <see cref="RandomForestClassifierModel"/>: one <see cref="ForestFormat"/> block (value width = class count).</summary>
internal sealed class RandomForestClassifierCodec : ModelCodec<RandomForestClassifierModel>
{
    public override string Kind => "vigil.random-forest-classifier";

    public override void Write(RandomForestClassifierModel model, BinaryWriter writer, ModelCodecs codecs) =>
        ForestFormat.Write(writer, model.Layout, model.FeatureImportances, model.OobScore);

    public override RandomForestClassifierModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var (layout, importances, oob) = ForestFormat.Read(reader);
        return new RandomForestClassifierModel(layout, importances, oob, null, Environment.ProcessorCount);
    }
}
