using Vigil.ML.Trees;

namespace Vigil.ML.Forests;

/// <summary>Option checks shared by both forest option records.</summary>
internal static class ForestOptionChecks
{
    public static void Common(
        List<string> errors, int treeCount, bool bootstrap, double? maxSamples, bool oobScore, int maxBins, int maxDegreeOfParallelism,
        int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures)
    {
        if (treeCount < 1)
        {
            errors.Add($"TreeCount must be at least 1, not {treeCount}.");
        }

        if (maxSamples is { } s && !(s > 0 && s <= 1))
        {
            errors.Add($"MaxSamples must be null or a fraction in (0, 1], not {s}.");
        }

        if (maxSamples is not null && !bootstrap)
        {
            errors.Add("MaxSamples needs Bootstrap.");
        }

        if (oobScore && !bootstrap)
        {
            errors.Add("OobScore needs Bootstrap (without it no row is out of bag).");
        }

        if (maxBins is < 2 or > 255)
        {
            errors.Add($"MaxBins must be in [2, 255], not {maxBins}.");
        }

        if (maxDegreeOfParallelism < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be at least 1, not {maxDegreeOfParallelism}.");
        }

        TreeOptionChecks.Growth(errors, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
    }
}
