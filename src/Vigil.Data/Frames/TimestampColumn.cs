using System.Globalization;

namespace Vigil.Data.Frames;

/// <summary>A column of UTC instants stored as ticks; <see cref="long.MinValue"/> marks a missing value.</summary>
public sealed class TimestampColumn : Column
{
    /// <summary>The tick value that marks a missing timestamp.</summary>
    public const long MissingTicks = long.MinValue;

    private readonly long[] _ticks;

    /// <summary>Creates a column that takes ownership of <paramref name="utcTicks"/> (UTC ticks, or <see cref="MissingTicks"/>).</summary>
    public TimestampColumn(string name, long[] utcTicks)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(utcTicks);
        _ticks = utcTicks;
    }

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Timestamp;

    /// <inheritdoc/>
    public override int Length => _ticks.Length;

    /// <summary>The raw UTC ticks; <see cref="MissingTicks"/> where missing.</summary>
    public ReadOnlySpan<long> Ticks => _ticks;

    /// <summary>The instant at <paramref name="row"/>, or null when missing.</summary>
    public DateTimeOffset? this[int row] => _ticks[row] == MissingTicks ? null : new DateTimeOffset(_ticks[row], TimeSpan.Zero);

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _ticks[row] == MissingTicks;

    /// <inheritdoc/>
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc/>
    public override string Format(int row) =>
        this[row]?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <inheritdoc/>
    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = _ticks[rows[i]];
        }

        return new TimestampColumn(Name, result);
    }

    /// <inheritdoc/>
    public override Column Rename(string name) => new TimestampColumn(name, _ticks);
}
