namespace Vigil.ML.Ensembles;

/// <summary>Checks that member models fit the ensemble's shape, at fit time and when read from a file.</summary>
internal static class EnsembleShape
{
    public static void CheckMember(IClassifierModel model, int featureCount, int classCount)
    {
        if (model.FeatureCount != featureCount || model.ClassCount != classCount)
        {
            throw new InvalidDataException(
                $"A member scores {model.ClassCount} classes from {model.FeatureCount} features; the ensemble needs {classCount} from {featureCount}.");
        }
    }

    public static void CheckMember(IRegressorModel model, int featureCount)
    {
        if (model.FeatureCount != featureCount)
        {
            throw new InvalidDataException($"A member reads {model.FeatureCount} features; the ensemble needs {featureCount}.");
        }
    }
}
