using Shouldly;
using Vigil.Pipelines.Training;
using Xunit;

namespace Vigil.Pipelines.Tests.Training;

public sealed class LearnerParametersTests
{
    [Fact]
    public void Parse_Pairs_TypedGettersReadThem()
    {
        var p = LearnerParameters.Parse(["max_depth=6", "rate = 0.1", "bootstrap=false", "criterion=entropy", "limit=none"]);

        p.Int("max_depth", 3).ShouldBe(6);
        p.Double("rate", 1).ShouldBe(0.1);
        p.Bool("bootstrap", true).ShouldBeFalse();
        p.Choice("criterion", "gini", "gini", "entropy").ShouldBe("entropy");
        p.NullableInt("limit", 5).ShouldBeNull();
        p.Int("absent", 42).ShouldBe(42);
        Should.NotThrow(() => p.ThrowIfUnused("m"));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=3")]
    [InlineData("key=")]
    public void Parse_Malformed_ThrowsNamingThePair(string pair)
    {
        Should.Throw<FormatException>(() => LearnerParameters.Parse([pair])).Message.ShouldContain(pair);
    }

    [Fact]
    public void Parse_RepeatedKey_Throws()
    {
        Should.Throw<FormatException>(() => LearnerParameters.Parse(["a=1", "a=2"])).Message.ShouldContain("'a'");
    }

    [Fact]
    public void Int_NotANumber_ThrowsNamingKeyAndValue()
    {
        var p = LearnerParameters.Parse(["max_depth=deep"]);

        Should.Throw<FormatException>(() => p.Int("max_depth", 1)).Message.ShouldBe("--param max_depth=deep: expected an integer.");
    }

    [Fact]
    public void ThrowIfUnused_UnknownKey_ListsKnownOnes()
    {
        var p = LearnerParameters.Parse(["depth=3"]);
        p.Int("max_depth", 1);

        var message = Should.Throw<FormatException>(() => p.ThrowIfUnused("tree")).Message;

        message.ShouldContain("'depth'");
        message.ShouldContain("known: max_depth");
    }

    [Fact]
    public void Choice_OutsideAllowed_Throws()
    {
        Should.Throw<FormatException>(() => LearnerParameters.Parse(["criterion=mse"]).Choice("criterion", "gini", "gini", "entropy"))
            .Message.ShouldContain("one of gini, entropy");
    }
}
