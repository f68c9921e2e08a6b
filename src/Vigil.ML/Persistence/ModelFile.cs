using System.Text.Json;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Persistence;

/// <summary>
/// Saves and loads a <see cref="TabularClassifier"/> as a versioned, checksummed binary file:
/// magic "VIGILMDL", int32 format version, length-prefixed UTF-8 JSON metadata (model kind,
/// learner and options, target and class labels, input schema, feature names, excluded columns,
/// metrics, training dataset hash, creation time), a length-prefixed model payload written by the
/// model kind's codec, and a SHA-256 of everything before it. Readers accept format versions
/// <see cref="OldestReadableVersion"/> to <see cref="CurrentVersion"/> (N and N−1 once a version 2
/// exists; version 1 is the first). Any defect throws <see cref="ModelFileException"/>; a load never
/// returns a partial or different model.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this build writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest format version this build reads.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>Writes <paramref name="classifier"/> to <paramref name="destination"/>.</summary>
    public static void Save(ITabularModel classifier, Stream destination, ModelCodecs? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Serialize(classifier, codecs));
    }

    /// <summary>Writes <paramref name="classifier"/> to <paramref name="path"/> atomically: a temporary file beside it, flushed, then moved over it.</summary>
    public static void Save(ITabularModel classifier, string path, ModelCodecs? codecs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        WriteAtomically(Serialize(classifier, codecs), path);
    }

    private static void WriteAtomically(byte[] bytes, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes a standalone model (see <see cref="IStandaloneModel"/>) to <paramref name="destination"/>.</summary>
    public static void Save(IStandaloneModel model, Stream destination, ModelCodecs? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(SerializeStandalone(model, codecs));
    }

    /// <summary>Writes a standalone model to <paramref name="path"/> atomically, like the tabular overload.</summary>
    public static void Save(IStandaloneModel model, string path, ModelCodecs? codecs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        WriteAtomically(SerializeStandalone(model, codecs), path);
    }

    /// <summary>Reads a tabular model (classifier or regressor) from the rest of <paramref name="source"/>.</summary>
    public static ITabularModel Load(Stream source, ModelCodecs? codecs = null) => Tabular(LoadAny(source, codecs), "the stream");

    /// <summary>Reads a tabular model (classifier or regressor) from the file at <paramref name="path"/>.</summary>
    public static ITabularModel Load(string path, ModelCodecs? codecs = null) => Tabular(LoadAny(path, codecs), path);

    /// <summary>Reads whatever model the stream holds: an <see cref="ITabularModel"/> or an <see cref="IStandaloneModel"/>.</summary>
    public static object LoadAny(Stream source, ModelCodecs? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), codecs ?? ModelCodecs.Default);
    }

    /// <summary>Reads whatever model the file at <paramref name="path"/> holds: an <see cref="ITabularModel"/> or an <see cref="IStandaloneModel"/>.</summary>
    public static object LoadAny(string path, ModelCodecs? codecs = null) =>
        Deserialize(File.ReadAllBytes(path), codecs ?? ModelCodecs.Default);

    private static ITabularModel Tabular(object model, string where) => model as ITabularModel
        ?? throw new ModelFileException($"{where} holds a {((IStandaloneModel)model).Description} model, not a tabular classifier or regressor.");

    /// <summary>Loads a classifier; throws <see cref="ModelFileException"/> when the file holds another kind of model.</summary>
    public static TabularClassifier LoadClassifier(string path, ModelCodecs? codecs = null) =>
        Load(path, codecs) as TabularClassifier ?? throw new ModelFileException($"{path} holds a regression model, not a classifier.");

    /// <summary>Loads a regressor; throws <see cref="ModelFileException"/> when the file holds another kind of model.</summary>
    public static TabularRegressor LoadRegressor(string path, ModelCodecs? codecs = null) =>
        Load(path, codecs) as TabularRegressor ?? throw new ModelFileException($"{path} holds a classification model, not a regressor.");

    private static byte[] Serialize(ITabularModel classifier, ModelCodecs? codecs)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var codec = (codecs ?? ModelCodecs.Default).FindFor(classifier.CoreModel)
            ?? throw new ArgumentException($"No model codec can write a {classifier.CoreModel.GetType().Name}.", nameof(classifier));
        var metadata = JsonSerializer.SerializeToUtf8Bytes(ModelDocument.From(classifier, codec.Kind), VigilJson.Options);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            // Version 2: an optional fitted feature pipeline precedes the core model.
            writer.Write(classifier.Preprocessor is not null);
            if (classifier.Preprocessor is not null)
            {
                (codecs ?? ModelCodecs.Default).WriteNested(classifier.Preprocessor, writer);
            }

            codec.Write(classifier.CoreModel, writer, codecs ?? ModelCodecs.Default);
        }

        return ModelFileFormat.Write(CurrentVersion, metadata, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    private static byte[] SerializeStandalone(IStandaloneModel model, ModelCodecs? codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        var all = codecs ?? ModelCodecs.Default;
        var codec = all.FindFor(model) ?? throw new ArgumentException($"No model codec can write a {model.GetType().Name}.", nameof(model));
        var metadata = JsonSerializer.SerializeToUtf8Bytes(ModelDocument.FromStandalone(model, codec.Kind), VigilJson.Options);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            codec.Write(model, writer, all);
        }

        return ModelFileFormat.Write(CurrentVersion, metadata, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    private static object Deserialize(ReadOnlySpan<byte> file, ModelCodecs codecs)
    {
        var (version, metadata, payload) = ModelFileFormat.Read(file);
        try
        {
            var document = JsonSerializer.Deserialize<ModelDocument>(metadata, VigilJson.Options)
                ?? throw new ModelFileException("The model file's metadata is empty.");
            var kind = ModelDocument.Require(document.ModelKind, "modelKind");
            var codec = codecs.Find(kind)
                ?? throw new ModelFileException($"No codec reads model kind '{kind}'; known kinds: {string.Join(", ", codecs.Codecs.Select(c => c.Kind))}.");
            using var stream = new MemoryStream(payload, writable: false);
            using var reader = new BinaryReader(stream);
            if (document.Standalone == true)
            {
                var whole = codec.Read(reader, version, codecs) as IStandaloneModel
                    ?? throw new ModelFileException($"The model file's '{kind}' payload is not a standalone model.");
                if (stream.Position != stream.Length)
                {
                    throw new ModelFileException($"The model payload has {stream.Length - stream.Position} unread bytes.");
                }

                return whole.WithInfo(document.ToInfo());
            }

            IFittedFrameTransform? preprocessor = null;
            if (version >= 2 && reader.ReadBoolean())
            {
                preprocessor = codecs.ReadNested(reader, version) as IFittedFrameTransform
                    ?? throw new ModelFileException("The model file's preprocessor payload is not a frame transform.");
            }

            var model = codec.Read(reader, version, codecs);
            if (stream.Position != stream.Length)
            {
                throw new ModelFileException($"The model payload has {stream.Length - stream.Position} unread bytes.");
            }

            return (document.Task ?? ModelTask.Classification, model) switch
            {
                (ModelTask.Classification, IClassifierModel c) => (object)new TabularClassifier(document.ToEncoding(), document.ToLabels(), c, document.ToInfo()).WithPreprocessor(preprocessor),
                (ModelTask.Regression, IRegressorModel r) => new TabularRegressor(document.ToEncoding(), document.TargetName(), r, document.ToInfo()).WithPreprocessor(preprocessor),
                var (task, m) => throw new ModelFileException($"The model file declares a {task} model but its payload is a {m.GetType().Name}."),
            };
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new ModelFileException($"The model file is inconsistent: {e.Message}", e);
        }
    }
}
