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
    public void Write(object model, BinaryWriter writer) => Write((TModel)model, writer);

    /// <inheritdoc/>
    object IModelCodec.Read(BinaryReader reader, int formatVersion) => Read(reader, formatVersion);

    /// <summary>Writes the model's payload.</summary>
    public abstract void Write(TModel model, BinaryWriter writer);

    /// <summary>Reads a payload; throws <see cref="InvalidDataException"/> when it is inconsistent.</summary>
    public abstract TModel Read(BinaryReader reader, int formatVersion);
}
