using Shouldly;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class ParameterSetTests
{
    private static readonly ParameterSet Set = new(
    [
        KeyValuePair.Create<string, object>("max_depth", 6),
        KeyValuePair.Create<string, object>("learning_rate", 0.1),
        KeyValuePair.Create<string, object>("criterion", "gini"),
        KeyValuePair.Create<string, object>("bootstrap", true),
        KeyValuePair.Create<string, object>("n_estimators", "200"),
    ]);

    [Fact]
    public void TypedGetters_MatchingKinds_ReturnValues()
    {
        Set.GetInt("max_depth").ShouldBe(6);
        Set.GetDouble("max_depth").ShouldBe(6.0);
        Set.GetDouble("learning_rate").ShouldBe(0.1);
        Set.GetString("criterion").ShouldBe("gini");
        Set.GetBool("bootstrap").ShouldBeTrue();
        Set.GetInt("n_estimators").ShouldBe(200);
    }

    [Fact]
    public void TypedGetters_WrongKindOrName_ThrowWithTheName()
    {
        Should.Throw<InvalidCastException>(() => Set.GetInt("learning_rate")).Message.ShouldContain("'learning_rate' = 0.1");
        Should.Throw<InvalidCastException>(() => Set.GetBool("criterion"));
        Should.Throw<InvalidCastException>(() => Set.GetDouble("criterion"));
        Should.Throw<KeyNotFoundException>(() => Set.GetInt("depth")).Message.ShouldContain("max_depth, learning_rate");
    }

    [Fact]
    public void ToString_MixedValues_IsStableInvariantText()
    {
        Set.ToString().ShouldBe("max_depth=6, learning_rate=0.1, criterion=gini, bootstrap=true, n_estimators=200");
        Set.ToTextDictionary()["learning_rate"].ShouldBe("0.1");
    }

    [Fact]
    public void Constructor_UnsupportedValueOrDuplicateName_Throws()
    {
        Should.Throw<ArgumentException>(() => new ParameterSet([KeyValuePair.Create<string, object>("x", 1.5f)]));
        Should.Throw<ArgumentException>(() => new ParameterSet([KeyValuePair.Create<string, object>("x", 1), KeyValuePair.Create<string, object>("x", 2)]));
    }

    [Fact]
    public void Equals_SameNamesAndValues_AreEqual()
    {
        var copy = new ParameterSet(Set);

        copy.ShouldBe(Set);
        copy.GetHashCode().ShouldBe(Set.GetHashCode());
        new ParameterSet([KeyValuePair.Create<string, object>("max_depth", 7)]).ShouldNotBe(Set);
    }
}
