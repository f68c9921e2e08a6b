using Shouldly;
using Vigil.Data.Cmapss;
using Xunit;

namespace Vigil.Data.Tests.Cmapss;

public sealed class RulProtocolTests
{
    [Fact]
    public void Evaluate_ThreeUnits_CappedAndUncappedGoldenValues()
    {
        var result = RulProtocol.Evaluate([10, 130, 50], [20, 150, 50]);

        result.Cap.ShouldBe(125);
        result.Capped.Count.ShouldBe(3);
        result.Capped.Rmse.ShouldBe(6.454972243679028, 1e-12);
        result.Capped.Mae.ShouldBe(5, 1e-12);
        result.Capped.R2.ShouldBe(0.9786324786324786, 1e-12);
        result.Capped.Phm08Score.ShouldBe(1.806826804648574, 1e-12);
        result.Uncapped.Rmse.ShouldBe(12.909944487358056, 1e-12);
        result.Uncapped.Mae.ShouldBe(10, 1e-12);
        result.Uncapped.R2.ShouldBe(0.9460431654676259, 1e-12);
        result.Uncapped.Phm08Score.ShouldBe(4.815525029607352, 1e-12);
    }

    [Fact]
    public void Phm08_LateErrors_CostMoreThanEarly() => RulProtocol.Phm08(10).ShouldBeGreaterThan(RulProtocol.Phm08(-10));

    [Fact]
    public void Evaluate_LengthMismatch_Throws() =>
        Should.Throw<ArgumentException>(() => RulProtocol.Evaluate([1, 2], [1])).Message.ShouldContain("2 predictions for 1 true values");
}
