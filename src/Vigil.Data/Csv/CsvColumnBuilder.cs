using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>
/// Accumulates one column during a pass. Values are staged into the slot after the last committed row and
/// committed only when the whole record is valid, so a quarantined record leaves no trace.
/// </summary>
internal abstract class CsvColumnBuilder(string name)
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;

    /// <summary>The number of committed rows.</summary>
    public int Count { get; protected set; }

    /// <summary>The kind the column currently has (a Categorical builder may turn into String).</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Whether values are parsed (so a quoted missing token still counts as missing).</summary>
    public abstract bool IsTyped { get; }

    /// <summary>Completes "value ..." in a quarantine reason, e.g. "is not a number".</summary>
    public abstract string Expectation { get; }

    /// <summary>Stages the value of the next row; false when it does not parse.</summary>
    public abstract bool Stage(ReadOnlySpan<byte> field, bool missing);

    /// <summary>Commits the staged value.</summary>
    public abstract void Commit();

    /// <summary>Builds the immutable column from the committed rows, adding any warnings.</summary>
    public abstract Column Build(List<string> warnings);

    /// <summary>Creates the builder for a planned column kind.</summary>
    public static CsvColumnBuilder Create(string name, ColumnKind kind, bool forced, bool autoText, CsvReadOptions options, int capacity) =>
        kind switch
        {
            ColumnKind.Float64 => new TypedColumnBuilder<double>(
                name, ColumnKind.Float64, CsvValueParser.TryParseDouble, double.NaN, "is not a number", (n, v) => new Float64Column(n, v), capacity),
            ColumnKind.Boolean => new TypedColumnBuilder<bool?>(
                name, ColumnKind.Boolean, ParseBoolean, null, "is not a boolean (true/false)", (n, v) => new BooleanColumn(n, v), capacity),
            ColumnKind.Timestamp => new TypedColumnBuilder<long>(
                name, ColumnKind.Timestamp, CsvValueParser.TryParseTimestamp, TimestampColumn.MissingTicks, "is not an ISO-8601 timestamp",
                (n, v) => new TimestampColumn(n, v), capacity),
            ColumnKind.Categorical => new TextColumnBuilder(name, categorical: true, forced, autoText, options, capacity),
            _ => new TextColumnBuilder(name, categorical: false, forced, autoText, options, capacity),
        };

    /// <summary>Grows <paramref name="array"/> so that index <paramref name="index"/> is valid.</summary>
    protected static void EnsureCapacity<T>(ref T[] array, int index)
    {
        if (index >= array.Length)
        {
            Array.Resize(ref array, (int)Math.Min(Array.MaxLength, Math.Max(16L, array.Length * 2L)));
        }
    }

    /// <summary>The first <paramref name="count"/> items, without copying when the array is already exact.</summary>
    protected static T[] Trim<T>(T[] array, int count)
    {
        if (array.Length != count)
        {
            Array.Resize(ref array, count);
        }

        return array;
    }

    private static bool ParseBoolean(ReadOnlySpan<byte> utf8, out bool? value)
    {
        var ok = CsvValueParser.TryParseBoolean(utf8, out var b);
        value = b;
        return ok;
    }
}
