namespace Vigil.ML.Persistence;

/// <summary>Writes and reads the binary payload of one kind of classifier model in a model file.</summary>
public interface IClassifierModelCodec
{
    /// <summary>The stable model-kind name stored in the file's metadata, e.g. "vigil.decision-tree-classifier".</summary>
    string Kind { get; }

    /// <summary>Whether this codec can write <paramref name="model"/>.</summary>
    bool CanWrite(IClassifierModel model);

    /// <summary>Writes the model's payload.</summary>
    void Write(IClassifierModel model, BinaryWriter writer);

    /// <summary>Reads a payload written by this codec under model-file format <paramref name="formatVersion"/>; throws on malformed data.</summary>
    IClassifierModel Read(BinaryReader reader, int formatVersion);
}
