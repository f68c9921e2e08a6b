using Shouldly;
using Vigil.Data.Generators;
using Xunit;

namespace Vigil.Data.Tests.Generators;

public sealed class SeededRandomTests
{
    [Fact]
    public void NextUInt64_ReferenceState_ReproducesThePublishedXoshiro256StarStarOutputs()
    {
        // Published outputs of the reference xoshiro256** from the state {1, 2, 3, 4}.
        var random = SeededRandom.FromState(1, 2, 3, 4);

        var outputs = Enumerable.Range(0, 6).Select(_ => random.NextUInt64()).ToArray();

        outputs.ShouldBe([11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL, 607988272756665600UL]);
    }

    [Fact]
    public void SplitMix64_FromZero_ReproducesThePublishedFirstOutput()
    {
        var state = 0UL;

        SeededRandom.SplitMix64(ref state).ShouldBe(0xE220A8397B1DCDAFUL);
    }

    [Fact]
    public void Constructor_SameSeedAndStream_RepeatsAndOtherStreamsDiffer()
    {
        ulong[] Draw(int seed, int stream)
        {
            var r = new SeededRandom(seed, stream);
            return [.. Enumerable.Range(0, 8).Select(_ => r.NextUInt64())];
        }

        Draw(5, 1).ShouldBe(Draw(5, 1));
        Draw(5, 1).ShouldNotBe(Draw(5, 2));
        Draw(5, 1).ShouldNotBe(Draw(6, 1));
        Draw(-1, 1).ShouldNotBe(Draw(1, 1));
    }

    [Fact]
    public void NextDoubleAndNextStandardNormal_ManyDraws_HaveTheExpectedMoments()
    {
        var random = new SeededRandom(3, 0);
        const int N = 200_000;
        double uniformSum = 0, normalSum = 0, normalSquares = 0;
        for (var i = 0; i < N; i++)
        {
            var u = random.NextDouble();
            u.ShouldBeInRange(0.0, 1.0);
            uniformSum += u;
            var z = random.NextStandardNormal();
            normalSum += z;
            normalSquares += z * z;
        }

        (uniformSum / N).ShouldBe(0.5, 0.005);
        (normalSum / N).ShouldBe(0.0, 0.01);
        (normalSquares / N).ShouldBe(1.0, 0.015);
    }
}
