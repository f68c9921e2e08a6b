namespace Vigil.Data.Frames;

/// <summary>An immutable, named, typed column of a <see cref="DataFrame"/>.</summary>
public abstract class Column
{
    /// <summary>Creates a column with the given name.</summary>
    protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column's name, unique within its frame.</summary>
    public string Name { get; }

    /// <summary>The column's physical type.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>Whether the value at <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The number of missing values.</summary>
    public int MissingCount
    {
        get
        {
            var n = 0;
            for (var i = 0; i < Length; i++)
            {
                if (IsMissing(i))
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>The value at <paramref name="row"/> boxed (double, string, bool or DateTimeOffset), or null when missing.</summary>
    public abstract object? GetValue(int row);

    /// <summary>The value at <paramref name="row"/> rendered as invariant-culture text; empty when missing.</summary>
    public abstract string Format(int row);

    /// <summary>A new column holding the given rows, in the given order.</summary>
    public abstract Column Take(ReadOnlySpan<int> rows);

    /// <summary>The same data under another name.</summary>
    public abstract Column Rename(string name);
}
