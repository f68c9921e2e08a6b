using Shouldly;
using Vigil.ML.Trees;
using Xunit;

namespace Vigil.ML.Tests.Trees;

public sealed class DecisionTreeEdgeCaseTests
{
    [Fact]
    public void Fit_SingleIntegerFeatureSeparableAtEight_GrowsAPureTree()
    {
        var x = Enumerable.Range(0, 480).Select(i => new[] { (double)(i % 17) }).ToArray();
        var y = x.Select(r => r[0] > 8 ? 1 : 0).ToArray();

        var model = new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 8, MinSamplesLeaf = 10 }).Fit(new ClassificationSet(FeatureMatrix.FromRows(x), y, 2));
        var p = new double[2];

        model.PredictProba([3], p);
        p[0].ShouldBe(1.0);
        model.PredictProba([12], p);
        p[1].ShouldBe(1.0);
    }
}
