using Vigil.Features;
using Vigil.ML;
using Vigil.ML.Persistence;

namespace Vigil.Cli;

/// <summary>Loads model files for commands, turning missing or damaged files into one-line user errors.</summary>
public static class ModelFiles
{
    /// <summary>Loads the model at <paramref name="path"/>.</summary>
    public static ITabularModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"Model file not found: {path}");
        }

        try
        {
            return ModelFile.Load(path, FeatureCatalog.ModelCodecs);
        }
        catch (ModelFileException ex)
        {
            throw new UserException($"{path}: {ex.Message}", ex);
        }
    }
}
