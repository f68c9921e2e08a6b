using Shouldly;
using Vigil.Data.Validation.Leakage;
using Xunit;

namespace Vigil.Data.Tests.Validation;

public sealed class RankStatisticsTests
{
    [Fact]
    public void AverageRanks_Ties_ShareTheMeanRank()
    {
        RankStatistics.AverageRanks([10, 20, 10, 30, 20, 20]).ShouldBe([1.5, 4, 1.5, 6, 4, 4]);
    }

    [Fact]
    public void Auc_TiedScores_CountAsHalf()
    {
        // Positives {2, 3}, negatives {1, 2}: pairs (2,1)=1 (2,2)=.5 (3,1)=1 (3,2)=1 -> 3.5 / 4 = 0.875.
        RankStatistics.Auc([2, 3, 1, 2], [true, true, false, false]).ShouldBe(0.875, 1e-12);
    }

    [Fact]
    public void Auc_OneClassOnly_IsNaN()
    {
        double.IsNaN(RankStatistics.Auc([1, 2], [true, true])).ShouldBeTrue();
    }

    [Fact]
    public void Spearman_HandExample_MatchesClassicFormula()
    {
        // Ranks x 1..5, y 2,1,4,3,5: Σd² = 1+1+1+1+0 = 4, rho = 1 - 6*4/(5*24) = 0.8.
        RankStatistics.Spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]).ShouldBe(0.8, 1e-12);
    }

    [Fact]
    public void Spearman_ConstantSide_IsNaN()
    {
        double.IsNaN(RankStatistics.Spearman([1, 2, 3], [7, 7, 7])).ShouldBeTrue();
    }
}
