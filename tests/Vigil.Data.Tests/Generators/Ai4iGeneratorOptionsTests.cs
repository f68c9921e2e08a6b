using Shouldly;
using Vigil.Data.Generators;
using Xunit;

namespace Vigil.Data.Tests.Generators;

public sealed class Ai4iGeneratorOptionsTests
{
    [Fact]
    public void Constructor_OnlyRowsAndSeed_UsesDocumentedDefaults()
    {
        var options = new Ai4iGeneratorOptions(rows: 100, seed: 1);

        options.Rows.ShouldBe(100);
        options.Seed.ShouldBe(1);
        options.TypeShares.ShouldBe(new Ai4iTypeShares(0.6, 0.3, 0.1));
        options.ToolFailureProbability.ShouldBe(51.0 / 120);
        options.RandomFailureProbability.ShouldBe(0.001);
        options.ToolLifeMinMinutes.ShouldBe(200);
        options.ToolLifeMaxMinutes.ShouldBe(240);
    }

    [Fact]
    public void Constructor_SeveralInvalidValues_ThrowsOneExceptionNamingEach()
    {
        var ex = Should.Throw<ArgumentException>(() => new Ai4iGeneratorOptions(
            rows: 0,
            seed: 1,
            typeShares: new Ai4iTypeShares(0.5, 0.5, 0.5),
            toolFailureProbability: 1.5,
            randomFailureProbability: double.NaN,
            toolLifeMinMinutes: -1,
            toolLifeMaxMinutes: -2));

        ex.Message.ShouldContain("Rows");
        ex.Message.ShouldContain("TypeShares");
        ex.Message.ShouldContain("ToolFailureProbability");
        ex.Message.ShouldContain("RandomFailureProbability");
        ex.Message.ShouldContain("ToolLifeMinMinutes must");
        ex.Message.ShouldContain("ToolLifeMaxMinutes must");
    }

    [Fact]
    public void Constructor_ToolLifeMaxBelowMin_Throws()
    {
        Should.Throw<ArgumentException>(() => new Ai4iGeneratorOptions(10, 1, toolLifeMinMinutes: 240, toolLifeMaxMinutes: 200))
            .Message.ShouldContain("ToolLifeMaxMinutes");
    }

    [Fact]
    public void Constructor_EqualValues_AreEqualRecords()
    {
        new Ai4iGeneratorOptions(10, 3).ShouldBe(new Ai4iGeneratorOptions(10, 3));
        new Ai4iGeneratorOptions(10, 3).ShouldNotBe(new Ai4iGeneratorOptions(10, 4));
    }
}
