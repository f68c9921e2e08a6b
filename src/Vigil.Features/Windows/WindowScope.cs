using Vigil.Data.Frames;

namespace Vigil.Features.Windows;

/// <summary>What every window step reads: its numeric columns, and the group and time columns (with their kinds) resolved at fit.</summary>
internal sealed record WindowScope(string[] Columns, ColumnSchema? Group, ColumnSchema? Time)
{
    /// <summary>The columns the step reads: values, then group, then time.</summary>
    public FrameSchema InputSchema =>
        new([.. Columns.Select(c => new ColumnSchema(c, ColumnKind.Float64)), .. new[] { Group, Time }.OfType<ColumnSchema>()]);

    /// <summary>Resolves the group and time columns (options first, then the context) and checks the training frame.</summary>
    public static WindowScope Resolve(DataFrame frame, IReadOnlyList<string> columns, string? group, string? time, FeatureFitContext context, string step)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(context);
        group ??= context.GroupColumn;
        time ??= context.TimeColumn;
        var groupSchema = group is null ? null : new ColumnSchema(group, frame.TryGetColumn(group, out var g) ? g.Kind : ColumnKind.Categorical);
        var timeSchema = time is null ? null : new ColumnSchema(time, frame.TryGetColumn(time, out var t) ? t.Kind : ColumnKind.Float64);
        var scope = new WindowScope([.. columns], groupSchema, timeSchema);
        scope.Check(frame, step, atFit: true);
        return scope;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every missing or mistyped column.</summary>
    public void Check(DataFrame frame, string step, bool atFit = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var errors = new List<string>();
        foreach (var c in Columns)
        {
            Expect(frame, errors, c, "column", atFit, ColumnKind.Float64);
        }

        if (Group is not null)
        {
            Expect(frame, errors, Group.Name, "group column", atFit, Group.Kind);
        }

        if (Time is not null)
        {
            Expect(frame, errors, Time.Name, "time column", atFit, atFit ? [ColumnKind.Float64, ColumnKind.Timestamp] : [Time.Kind]);
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"The {step} step cannot run on this frame: {string.Join(" ", errors)} The frame has: {string.Join(", ", frame.ColumnNames)}.",
                nameof(frame));
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Columns.Length);
        foreach (var c in Columns)
        {
            writer.Write(c);
        }

        WriteOptional(writer, Group);
        WriteOptional(writer, Time);
    }

    public static WindowScope Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 1 or > 100_000)
        {
            throw new InvalidDataException($"Window step: {count} columns is not a valid count.");
        }

        var columns = new string[count];
        for (var i = 0; i < count; i++)
        {
            columns[i] = reader.ReadString();
        }

        return new WindowScope(columns, ReadOptional(reader), ReadOptional(reader));
    }

    /// <summary>" per 'unit' ordered by 'time'" or the like, for Describe.</summary>
    public string DescribeOrder() =>
        (Group is null ? " over all rows" : $" per '{Group.Name}'") + (Time is null ? " in row order" : $" ordered by '{Time.Name}'");

    private static void Expect(DataFrame frame, List<string> errors, string name, string role, bool atFit, params ColumnKind[] kinds)
    {
        if (!frame.TryGetColumn(name, out var column))
        {
            errors.Add($"{role} '{name}' is missing.");
        }
        else if (!kinds.Contains(column.Kind))
        {
            var fitted = atFit ? string.Empty : " (as at fit)";
            errors.Add($"{role} '{name}' is {column.Kind}, not {string.Join(" or ", kinds)}{fitted}.");
        }
    }

    private static void WriteOptional(BinaryWriter writer, ColumnSchema? column)
    {
        writer.Write(column is not null);
        if (column is not null)
        {
            writer.Write(column.Name);
            writer.Write((int)column.Kind);
        }
    }

    private static ColumnSchema? ReadOptional(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var name = reader.ReadString();
        var kind = (ColumnKind)reader.ReadInt32();
        return Enum.IsDefined(kind) ? new ColumnSchema(name, kind) : throw new InvalidDataException($"Window step: unknown column kind {(int)kind}.");
    }
}
