namespace Vigil.ML.Persistence;

/// <summary>Writes and reads one kind of trained model (classifier or regressor) as the payload of a model file.</summary>
public interface IModelCodec
{
    /// <summary>The stable kind name stored in the file, e.g. "vigil.decision-tree-classifier".</summary>
    string Kind { get; }

    /// <summary>Whether this codec writes the given model.</summary>
    bool CanWrite(object model);

    /// <summary>Writes the model's payload; ensembles write their members through <paramref name="codecs"/>.</summary>
    void Write(object model, BinaryWriter writer, ModelCodecs codecs);

    /// <summary>Reads a payload written by <see cref="Write"/> under file format <paramref name="formatVersion"/>.</summary>
    object Read(BinaryReader reader, int formatVersion, ModelCodecs codecs);
}
