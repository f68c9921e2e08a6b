namespace Vigil.Data.Frames;

/// <summary>An immutable, materialized, column-oriented table whose columns all have the same length.</summary>
public sealed class DataFrame
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a frame from columns of equal length with unique names.</summary>
    public DataFrame(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _index = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            if (!_index.TryAdd(c.Name, i))
            {
                throw new ArgumentException($"Column '{c.Name}' appears more than once.", nameof(columns));
            }

            if (c.Length != _columns[0].Length)
            {
                throw new ArgumentException(
                    $"Column '{c.Name}' has {c.Length} rows but column '{_columns[0].Name}' has {_columns[0].Length}.",
                    nameof(columns));
            }
        }

        RowCount = _columns.Length == 0 ? 0 : _columns[0].Length;
    }

    /// <summary>An empty frame with no columns and no rows.</summary>
    public static DataFrame Empty { get; } = new([]);

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> ColumnNames => Array.ConvertAll(_columns, c => c.Name);

    /// <summary>The column at position <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>The column named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming the column when absent.</summary>
    public Column this[string name] =>
        _index.TryGetValue(name, out var i)
            ? _columns[i]
            : throw new KeyNotFoundException($"No column named '{name}'. Columns: {string.Join(", ", ColumnNames)}.");

    /// <summary>Whether a column with the given name exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Finds a column by name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column? column)
    {
        if (_index.TryGetValue(name, out var i))
        {
            column = _columns[i];
            return true;
        }

        column = null;
        return false;
    }

    /// <summary>The position of the named column, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The named column as a <typeparamref name="T"/>; throws naming the column and its actual kind otherwise.</summary>
    public T Get<T>(string name)
        where T : Column =>
        this[name] as T ?? throw new InvalidCastException($"Column '{name}' is {this[name].Kind}, not {typeof(T).Name}.");

    /// <summary>A frame with only the named columns, in the given order.</summary>
    public DataFrame Select(params IEnumerable<string> names) => new(names.Select(n => this[n]));

    /// <summary>A frame without the named columns; names that do not exist are ignored.</summary>
    public DataFrame Drop(params IEnumerable<string> names)
    {
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        return new(_columns.Where(c => !drop.Contains(c.Name)));
    }

    /// <summary>A frame with <paramref name="column"/> added at the end, or replacing the column of the same name in place.</summary>
    public DataFrame WithColumn(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_columns.Length > 0 && column.Length != RowCount)
        {
            throw new ArgumentException($"Column '{column.Name}' has {column.Length} rows; the frame has {RowCount}.", nameof(column));
        }

        var copy = new List<Column>(_columns);
        var i = IndexOf(column.Name);
        if (i >= 0)
        {
            copy[i] = column;
        }
        else
        {
            copy.Add(column);
        }

        return new(copy);
    }

    /// <summary>A frame with the given rows, in the given order (indices may repeat).</summary>
    public DataFrame Take(ReadOnlySpan<int> rows)
    {
        var result = new Column[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            result[i] = _columns[i].Take(rows);
        }

        return new(result);
    }

    /// <summary>The first <paramref name="count"/> rows (or all, if fewer).</summary>
    public DataFrame Head(int count)
    {
        var n = Math.Min(Math.Max(count, 0), RowCount);
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        return Take(rows);
    }

    /// <summary>The schema (names and kinds) of this frame.</summary>
    public FrameSchema Schema => new([.. _columns.Select(c => new ColumnSchema(c.Name, c.Kind))]);
}
