using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Xunit;

namespace Vigil.Data.Tests.Generators;

public sealed class DegradationGeneratorTests
{
    [Fact]
    public void Generate_TinyConfig_GoldenNumbers()
    {
        var frame = DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 2, seed: 3, minLife: 5, maxLife: 8));

        frame.ColumnNames.ShouldBe(["unit", "cycle", .. Enumerable.Range(1, 12).Select(i => $"s{i}")]);
        frame.RowCount.ShouldBe(10);
        frame.Get<Float64Column>("unit").ToArray().ShouldBe([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
        frame.Get<Float64Column>("cycle").ToArray().ShouldBe([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
        frame.Get<Float64Column>("s1")[0].ShouldBe(642.5837);
        frame.Get<Float64Column>("s3")[4].ShouldBe(1469.8385);
        frame.Get<Float64Column>("s7")[8].ShouldBe(103.922);
        frame.Get<Float64Column>("s12")[9].ShouldBe(37.889);
    }

    [Fact]
    public void Generate_SameSeed_IdenticalFrames_OtherSeed_Differs()
    {
        var a = DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 4, seed: 11, minLife: 20, maxLife: 40));
        var b = DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 4, seed: 11, minLife: 20, maxLife: 40));
        var c = DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 4, seed: 12, minLife: 20, maxLife: 40));

        foreach (var name in a.ColumnNames)
        {
            a.Get<Float64Column>(name).ToArray().ShouldBe(b.Get<Float64Column>(name).ToArray(), name);
        }

        c.Get<Float64Column>("s2").ToArray().ShouldNotBe(a.Get<Float64Column>("s2").ToArray());
    }

    [Fact]
    public void Generate_LifetimesInRange_ConstantSensorsConstant_WearRaisesS3()
    {
        var frame = DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 10, seed: 5, minLife: 100, maxLife: 150));
        var units = frame.Get<Float64Column>("unit").ToArray();
        var cycles = frame.Get<Float64Column>("cycle").ToArray();
        var lives = units.Zip(cycles).GroupBy(p => p.First).Select(g => g.Max(p => p.Second)).ToList();

        lives.Count.ShouldBe(10);
        lives.ShouldAllBe(l => l >= 100 && l <= 150);
        frame.Get<Float64Column>("s4").ToArray().Distinct().Count().ShouldBe(1);
        frame.Get<Float64Column>("s10").ToArray().Distinct().Count().ShouldBe(1);
        var s3 = frame.Get<Float64Column>("s3").ToArray();
        var early = Enumerable.Range(0, s3.Length).Where(i => cycles[i] <= 20).Average(i => s3[i]);
        var late = Enumerable.Range(0, s3.Length).Where(i => i + 1 == s3.Length || units[i + 1] != units[i]).Average(i => s3[i]);
        late.ShouldBeGreaterThan(early + 20);
    }

    [Fact]
    public void Options_Invalid_NameEveryOption()
    {
        var ex = Should.Throw<ArgumentException>(() => new DegradationGeneratorOptions(units: 0, minLife: 1, maxLife: 0));

        ex.Message.ShouldContain("Units");
        ex.Message.ShouldContain("MinLife");
        ex.Message.ShouldContain("MaxLife");
    }
}
