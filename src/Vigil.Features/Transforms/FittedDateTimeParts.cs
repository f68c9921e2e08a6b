using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Calendar parts of UTC timestamps as Float64 columns (missing → NaN), optionally with sin/cos encodings of the periodic parts.</summary>
internal sealed class FittedDateTimeParts : IFittedFeatureTransform
{
    public const string KindName = "vigil.features.datetime-parts";
    public const string StepName = "datetime_parts";
    private const int PayloadVersion = 1;
    private readonly string[] _columns;
    private readonly DateTimePart[] _parts;
    private readonly bool _cyclic;
    private readonly bool _dropInput;

    public FittedDateTimeParts(string[] columns, DateTimePart[] parts, bool cyclic, bool dropInput)
    {
        (_columns, _parts, _cyclic, _dropInput) = (columns, parts, cyclic, dropInput);
        InputSchema = new FrameSchema([.. columns.Select(c => new ColumnSchema(c, ColumnKind.Timestamp))]);
        OutputColumns = [.. columns.SelectMany(c => parts.SelectMany(p => NamesOf(c, p)))];
    }

    public string Kind => KindName;

    public FrameSchema InputSchema { get; }

    public IReadOnlyList<string> OutputColumns { get; }

    public static string Suffix(DateTimePart part) => part switch
    {
        DateTimePart.Year => "year",
        DateTimePart.Month => "month",
        DateTimePart.Day => "day",
        DateTimePart.Weekday => "weekday",
        DateTimePart.Hour => "hour",
        _ => "day_of_year",
    };

    public DataFrame Transform(DataFrame frame)
    {
        var timestamps = _columns.Select(c => (TimestampColumn)ColumnSelection.Require(frame, c, [ColumnKind.Timestamp], StepName)).ToArray();
        ColumnSelection.RequireFree(frame, OutputColumns, [], StepName);
        foreach (var ts in timestamps)
        {
            foreach (var part in _parts)
            {
                foreach (var column in Extract(ts, part))
                {
                    frame = frame.WithColumn(column);
                }
            }
        }

        return _dropInput ? frame.Drop(_columns) : frame;
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PayloadVersion);
        StepBinary.WriteStrings(writer, _columns);
        writer.Write(_parts.Length);
        foreach (var p in _parts)
        {
            writer.Write((int)p);
        }

        writer.Write(_cyclic);
        writer.Write(_dropInput);
    }

    public static FittedDateTimeParts Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StepBinary.ReadVersion(reader, PayloadVersion, KindName);
        var columns = StepBinary.ReadStrings(reader);
        var parts = new DateTimePart[StepBinary.ReadCount(reader, 4)];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = StepBinary.ReadEnum<DateTimePart>(reader, 6);
        }

        return new FittedDateTimeParts(columns, parts, reader.ReadBoolean(), reader.ReadBoolean());
    }

    public string Describe() =>
        $"{StepName}: {string.Join(", ", _columns)} → {string.Join(", ", _parts.Select(Suffix))}{(_cyclic ? " with sin/cos" : string.Empty)}{(_dropInput ? ", input dropped" : string.Empty)}";

    private IEnumerable<string> NamesOf(string column, DateTimePart part)
    {
        var name = $"{column}_{Suffix(part)}";
        return _cyclic && part != DateTimePart.Year ? [name, name + "_sin", name + "_cos"] : [name];
    }

    private IEnumerable<Float64Column> Extract(TimestampColumn ts, DateTimePart part)
    {
        var ticks = ts.Ticks;
        var (values, sin, cos) = (new double[ticks.Length], new double[ticks.Length], new double[ticks.Length]);
        for (var i = 0; i < ticks.Length; i++)
        {
            if (ticks[i] == TimestampColumn.MissingTicks)
            {
                (values[i], sin[i], cos[i]) = (double.NaN, double.NaN, double.NaN);
                continue;
            }

            var t = new DateTime(ticks[i], DateTimeKind.Utc);
            var (value, phase, period) = part switch
            {
                DateTimePart.Year => (t.Year, 0, 1),
                DateTimePart.Month => (t.Month, t.Month - 1, 12),
                DateTimePart.Day => (t.Day, t.Day - 1, DateTime.DaysInMonth(t.Year, t.Month)),
                DateTimePart.Weekday => (((int)t.DayOfWeek + 6) % 7, ((int)t.DayOfWeek + 6) % 7, 7),
                DateTimePart.Hour => (t.Hour, t.Hour, 24),
                _ => (t.DayOfYear, t.DayOfYear - 1, DateTime.IsLeapYear(t.Year) ? 366 : 365),
            };
            var angle = 2 * Math.PI * phase / period;
            (values[i], sin[i], cos[i]) = (value, Math.Sin(angle), Math.Cos(angle));
        }

        var name = $"{ts.Name}_{Suffix(part)}";
        return _cyclic && part != DateTimePart.Year
            ? [new(name, values), new(name + "_sin", sin), new(name + "_cos", cos)]
            : [new(name, values)];
    }
}
