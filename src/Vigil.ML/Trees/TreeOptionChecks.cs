namespace Vigil.ML.Trees;

/// <summary>Option checks shared by the tree and forest option records, so every learner words problems alike.</summary>
internal static class TreeOptionChecks
{
    public static void Growth(List<string> errors, int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures)
    {
        if (maxDepth is < 0)
        {
            errors.Add($"MaxDepth must be null or at least 0, not {maxDepth}.");
        }

        if (minSamplesSplit < 2)
        {
            errors.Add($"MinSamplesSplit must be at least 2, not {minSamplesSplit}.");
        }

        if (minSamplesLeaf < 1)
        {
            errors.Add($"MinSamplesLeaf must be at least 1, not {minSamplesLeaf}.");
        }

        if (maxFeatures is < 1)
        {
            errors.Add($"MaxFeatures must be null or at least 1, not {maxFeatures}.");
        }
    }
}
