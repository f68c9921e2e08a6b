using Vigil.ML;
using Vigil.ML.Persistence;

namespace Vigil.Cli;

/// <summary>Loads model files for commands, turning missing or damaged files into one-line user errors.</summary>
public static class ModelFiles
{
    /// <summary>
    /// Every codec the CLI reads and writes: Vigil.ML's models (RUL models and window regressors included) plus the
    /// feature pipeline and the neural models (sequence window regressors for RUL included). The one place to register another model kind.
    /// </summary>
    public static ModelCodecs Codecs => Vigil.Pipelines.ModelCodecCatalog.Default;

    /// <summary>Loads whatever model the file holds: an <see cref="ITabularModel"/> or an <see cref="IStandaloneModel"/> such as a RUL model.</summary>
    public static object LoadAny(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"Model file not found: {path}");
        }

        try
        {
            return ModelFile.LoadAny(path, Codecs);
        }
        catch (ModelFileException ex)
        {
            throw new UserException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Loads the model at <paramref name="path"/>.</summary>
    public static ITabularModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"Model file not found: {path}");
        }

        try
        {
            return ModelFile.Load(path, Codecs);
        }
        catch (ModelFileException ex)
        {
            throw new UserException($"{path}: {ex.Message}", ex);
        }
    }
}
