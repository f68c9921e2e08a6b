using Shouldly;
using Vigil.Features.Windows;
using Xunit;

namespace Vigil.Features.Tests.Windows;

public sealed class SlidingBufferTests
{
    [Fact]
    public void Add_ManyMoreThanCapacity_KeepsOnlyTheNewestOldestFirst()
    {
        var buffer = new SlidingBuffer(3);
        for (var i = 1; i <= 100; i++)
        {
            buffer.Add(i);
        }

        buffer.Count.ShouldBe(3);
        buffer.Last(3).ToArray().ShouldBe([98, 99, 100]);
        buffer.Last(2).ToArray().ShouldBe([99, 100]);
        buffer.FromEnd(2).ShouldBe(98);
    }
}
