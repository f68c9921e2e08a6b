using Shouldly;
using Xunit;

namespace Vigil.ML.Neural.Tests;

public sealed class TensorTests
{
    [Fact]
    public void Strides_are_row_major_and_indexing_follows_them()
    {
        var t = new Tensor(2, 3, 4);
        t.Strides.ShouldBe([12, 4, 1]);
        t[1, 2, 3] = 5f;
        t.Span[(1 * 12) + (2 * 4) + 3].ShouldBe(5f);
        t.Length.ShouldBe(24);
    }

    [Fact]
    public void Reshape_and_slice_are_views_over_the_same_values()
    {
        var t = Tensor.FromArray([.. Enumerable.Range(0, 24).Select(i => (float)i)], 4, 6);
        var r = t.Reshape(4, -1, 3);
        r.Shape.ShouldBe([4, 2, 3]);
        r[3, 1, 2].ShouldBe(23f);
        var rows = t.Slice(1, 2);
        rows.Shape.ShouldBe([2, 6]);
        rows[0, 0].ShouldBe(6f);
        rows[1, 0] = -1f;
        t[2, 0].ShouldBe(-1f);
    }

    [Fact]
    public void Bad_shapes_and_indices_fail_with_clear_errors()
    {
        Should.Throw<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3)).Message.ShouldContain("holds 6 values");
        Should.Throw<ArgumentException>(() => new Tensor(2, 3).Reshape(4, -1)).Message.ShouldContain("do not reshape");
        Should.Throw<IndexOutOfRangeException>(() => new Tensor(2, 3)[2, 0]).Message.ShouldContain("dimension 0");
        Should.Throw<ArgumentOutOfRangeException>(() => new Tensor(0, 3));
    }
}
