using Shouldly;
using Vigil.ML.Tuning;
using Xunit;

namespace Vigil.ML.Tests.Tuning;

public sealed class SearchSpaceTests
{
    [Fact]
    public void CollectionExpression_ValidParameters_KeepsDeclaredOrder()
    {
        SearchSpace space =
        [
            new IntParameter("max_depth", 2, 12),
            new FloatParameter("learning_rate", 1e-3, 0.3) { Log = true },
            new CategoricalParameter("criterion", "gini", "entropy"),
        ];

        space.Select(p => p.Name).ShouldBe(["max_depth", "learning_rate", "criterion"]);
        space["learning_rate"].ShouldBeOfType<FloatParameter>().Log.ShouldBeTrue();
        space.IndexOf("criterion").ShouldBe(2);
        space.IndexOf("nope").ShouldBe(-1);
        Should.Throw<KeyNotFoundException>(() => space["nope"]);
    }

    [Fact]
    public void Constructor_SeveralProblems_ReportsThemAllAtOnce()
    {
        var ex = Should.Throw<ArgumentException>(() => new SearchSpace(
        [
            new IntParameter("a", 5, 1),
            new IntParameter("b", 0, 10) { Step = 3 },
            new IntParameter("c", 0, 10) { Log = true },
            new FloatParameter("d", 0, 1) { Log = true },
            new FloatParameter("e", 1, double.PositiveInfinity),
            new CategoricalParameter("f"),
            new CategoricalParameter("g", "x", "x"),
            new IntParameter("a", 1, 2),
            new FloatParameter(" ", 0, 1) { GridPoints = 1 },
        ]));

        ex.Message.ShouldContain("a: Low (5) must not exceed High (1)");
        ex.Message.ShouldContain("b: High − Low (10) must be a multiple of Step (3)");
        ex.Message.ShouldContain("c: a log range needs Low ≥ 1");
        ex.Message.ShouldContain("d: a log range needs Low > 0");
        ex.Message.ShouldContain("e: Low and High must be finite");
        ex.Message.ShouldContain("f: a categorical parameter needs at least one choice");
        ex.Message.ShouldContain("g: choices must be distinct");
        ex.Message.ShouldContain("'a' is used more than once");
        ex.Message.ShouldContain("non-blank name");
        ex.Message.ShouldContain("GridPoints must be null or at least 2");
    }

    [Fact]
    public void Constructor_Empty_Throws() =>
        Should.Throw<ArgumentException>(() => new SearchSpace([])).Message.ShouldContain("at least one parameter");

    [Fact]
    public void CategoricalParameter_Choices_AreCopiedAndReadOnly()
    {
        var source = new List<string> { "a", "b" };
        var parameter = new CategoricalParameter("p", source);
        source.Add("c");

        parameter.Choices.ShouldBe(["a", "b"]);
        (parameter with { Choices = ["x"] }).Choices.ShouldBe(["x"]);
        Should.Throw<NotSupportedException>(() => ((IList<string>)parameter.Choices).Add("z"));
        parameter.ShouldBe(new CategoricalParameter("p", "a", "b"));
        parameter.ShouldNotBe(new CategoricalParameter("p", "b", "a"));
        parameter.GetHashCode().ShouldBe(new CategoricalParameter("p", "a", "b").GetHashCode());
    }

    [Fact]
    public void ToString_Space_DescribesEachParameter()
    {
        SearchSpace space =
        [
            new IntParameter("n", 10, 100) { Step = 10 },
            new FloatParameter("lr", 0.001, 0.5) { Log = true },
            CategoricalParameter.Bool("bootstrap"),
        ];

        space.ToString().ShouldBe($"n: int [10, 100] step 10{Environment.NewLine}lr: float [0.001, 0.5] log{Environment.NewLine}bootstrap: {{false, true}}");
    }
}
