using Vigil.Data.Frames;
using Vigil.ML.Persistence;

namespace Vigil.Features.Pipeline;

/// <summary>Persists a <see cref="FittedFeaturePipeline"/> inside a model file: input schema, then each step by kind.</summary>
public sealed class FeaturePipelineCodec(FeatureStepCodecs steps) : ModelCodec<FittedFeaturePipeline>
{
    /// <inheritdoc/>
    public override string Kind => "vigil.features.pipeline";

    /// <inheritdoc/>
    public override void Write(FittedFeaturePipeline model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(1); // pipeline payload version
        writer.Write(model.InputSchema.Columns.Count);
        foreach (var c in model.InputSchema.Columns)
        {
            writer.Write(c.Name);
            writer.Write((int)c.Kind);
        }

        writer.Write(model.Steps.Count);
        foreach (var step in model.Steps)
        {
            FeatureStepCodecs.Write(step, writer);
        }
    }

    /// <inheritdoc/>
    public override FittedFeaturePipeline Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != 1)
        {
            throw new InvalidDataException($"Feature pipeline payload version {version} is not supported (this build reads 1).");
        }

        var columns = new ColumnSchema[ReadCount(reader, "input columns")];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new ColumnSchema(reader.ReadString(), (ColumnKind)reader.ReadInt32());
        }

        var fitted = new IFittedFeatureTransform[ReadCount(reader, "steps")];
        for (var i = 0; i < fitted.Length; i++)
        {
            fitted[i] = steps.Read(reader);
        }

        return new FittedFeaturePipeline(new FrameSchema(columns), fitted);
    }

    private static int ReadCount(BinaryReader reader, string what)
    {
        var n = reader.ReadInt32();
        return n is >= 0 and <= 1_000_000 ? n : throw new InvalidDataException($"Feature pipeline: {n} {what} is not a valid count.");
    }
}
