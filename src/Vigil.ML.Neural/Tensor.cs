namespace Vigil.ML.Neural;

/// <summary>A float32 tensor: contiguous row-major storage with a shape and the matching strides; reshapes and leading-axis slices are views over the same storage.</summary>
public sealed class Tensor
{
    private readonly float[] _data;
    private readonly int _offset;
    private readonly int[] _shape;
    private readonly int[] _strides;

    /// <summary>Creates a zero-filled tensor of <paramref name="shape"/> (every dimension ≥ 1).</summary>
    public Tensor(params int[] shape)
        : this(new float[Product(shape)], 0, shape)
    {
    }

    private Tensor(float[] data, int offset, int[] shape)
    {
        _data = data;
        _offset = offset;
        _shape = [.. shape];
        _strides = new int[shape.Length];
        var stride = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            _strides[i] = stride;
            stride *= shape[i];
        }

        Length = stride;
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a tensor of <paramref name="shape"/>; the lengths must agree.</summary>
    /// <exception cref="ArgumentException">The shape's product differs from the data length.</exception>
    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Product(shape) != data.Length)
        {
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) holds {Product(shape)} values; the data has {data.Length}.", nameof(shape));
        }

        return new Tensor(data, 0, shape);
    }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The row-major strides (elements to skip per step along each dimension).</summary>
    public IReadOnlyList<int> Strides => _strides;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of values.</summary>
    public int Length { get; }

    /// <summary>The values, contiguous row-major.</summary>
    public Span<float> Span => _data.AsSpan(_offset, Length);

    /// <summary>The value at <paramref name="index"/> (one index per dimension).</summary>
    public float this[params int[] index]
    {
        get => _data[Offset(index)];
        set => _data[Offset(index)] = value;
    }

    /// <summary>A view of the same values with another shape of equal size; one dimension may be −1 (inferred).</summary>
    /// <exception cref="ArgumentException">The sizes differ or more than one dimension is −1.</exception>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        var unknown = Array.IndexOf(resolved, -1);
        if (unknown >= 0)
        {
            if (Array.LastIndexOf(resolved, -1) != unknown)
            {
                throw new ArgumentException("At most one dimension may be −1.", nameof(shape));
            }

            resolved[unknown] = 1;
            var known = Product(resolved);
            resolved[unknown] = Length % known == 0 ? Length / known : throw new ArgumentException($"{Length} values do not reshape to ({string.Join(", ", shape)}).", nameof(shape));
        }

        if (Product(resolved) != Length)
        {
            throw new ArgumentException($"{Length} values do not reshape to ({string.Join(", ", shape)}).", nameof(shape));
        }

        return new Tensor(_data, _offset, resolved);
    }

    /// <summary>A view of rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) along the first dimension.</summary>
    public Tensor Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (start + count > _shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Rows {start}..{start + count} exceed the first dimension {_shape[0]}.");
        }

        var shape = (int[])_shape.Clone();
        shape[0] = count;
        return new Tensor(_data, _offset + (start * _strides[0]), shape);
    }

    /// <inheritdoc />
    public override string ToString() => $"Tensor({string.Join(", ", _shape)})";

    private int Offset(int[] index)
    {
        if (index.Length != _shape.Length)
        {
            throw new ArgumentException($"A rank-{Rank} tensor needs {Rank} indices, not {index.Length}.", nameof(index));
        }

        var offset = _offset;
        for (var i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
            {
                throw new IndexOutOfRangeException($"Index {index[i]} is outside dimension {i} of size {_shape[i]}.");
            }

            offset += index[i] * _strides[i];
        }

        return offset;
    }

    private static int Product(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0)
        {
            throw new ArgumentException("A tensor needs at least one dimension.", nameof(shape));
        }

        var n = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, 1, nameof(shape));
            n = checked(n * d);
        }

        return n;
    }
}
