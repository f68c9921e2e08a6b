namespace Vigil.ML.Persistence;

/// <summary>A typed base for codecs of one model type.</summary>
/// <typeparam name="TModel">The model type written and read.</typeparam>
public abstract class ModelCodec<TModel> : IModelCodec
    where TModel : class
{
    /// <inheritdoc/>
    public abstract string Kind { get; }

    /// <inheritdoc/>
    public bool CanWrite(object model) => model is TModel;

    /// <inheritdoc/>
    public void Write(object model, BinaryWriter writer, ModelCodecs codecs) => Write((TModel)model, writer, codecs);

    /// <inheritdoc/>
    object IModelCodec.Read(BinaryReader reader, int formatVersion, ModelCodecs codecs) => Read(reader, formatVersion, codecs);

    /// <summary>Writes the model's payload; nested models go through <paramref name="codecs"/> (see <see cref="ModelCodecs.WriteNested"/>).</summary>
    public abstract void Write(TModel model, BinaryWriter writer, ModelCodecs codecs);

    /// <summary>Reads a payload; throws <see cref="InvalidDataException"/> when it is inconsistent.</summary>
    public abstract TModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs);
}
