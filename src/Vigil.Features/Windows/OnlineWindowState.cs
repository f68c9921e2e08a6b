namespace Vigil.Features.Windows;

/// <summary>
/// Streaming window features: per group, the last max-window values of every column, updated one row at a time and
/// giving bit for bit the doubles the batch transforms give on the same rows in (group, time, arrival) order. Mutable and
/// not thread-safe: use one instance per stream (or lock around it); <see cref="Write"/> snapshots it for a restart.
/// </summary>
public sealed class OnlineWindowState
{
    private const int SnapshotVersion = 1;
    private readonly FittedWindowStep[] _steps;
    private readonly int[] _sources;
    private readonly int[] _targets;
    private readonly int[] _widths;
    private readonly string[] _inputs;
    private readonly string[] _outputs;
    private readonly double[] _slots;
    private readonly Dictionary<string, OnlineGroup> _groups = new(StringComparer.Ordinal);

    private OnlineWindowState(FittedWindowStep[] steps)
    {
        _steps = steps;
        var produced = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<string>();
        foreach (var step in steps)
        {
            inputs.AddRange(step.Scope.Columns.Where(c => !produced.Contains(c) && !inputs.Contains(c)));
            produced.UnionWith(step.OutputColumns);
        }

        _inputs = [.. inputs];
        _outputs = [.. steps.SelectMany(s => s.OutputColumns)];
        _slots = new double[_inputs.Length + _outputs.Length];
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _inputs.Length; i++)
        {
            slotOf[_inputs[i]] = i;
        }

        var (sources, targets, widths, next) = (new List<int>(), new List<int>(), new List<int>(), _inputs.Length);
        foreach (var step in steps)
        {
            var width = step.FeatureSuffixes.Count;
            sources.AddRange(step.Scope.Columns.Select(c => slotOf[c]));
            for (var c = 0; c < step.Scope.Columns.Length; c++)
            {
                targets.Add(next + (c * width));
                widths.Add(width);
            }

            foreach (var output in step.OutputColumns)
            {
                slotOf[output] = next++;
            }
        }

        (_sources, _targets, _widths) = ([.. sources], [.. targets], [.. widths]);
    }

    /// <summary>The values <see cref="Update(string, double, ReadOnlySpan{double}, Span{double})"/> takes, in order: the columns the steps read that no earlier step produces.</summary>
    public IReadOnlyList<string> InputColumns => _inputs;

    /// <summary>The features it returns, in order: every step's output columns.</summary>
    public IReadOnlyList<string> OutputColumns => _outputs;

    /// <summary>The group column the steps were fitted with (what the group key stands for), or null for one sequence.</summary>
    public string? GroupColumn => _steps[0].Scope.Group?.Name;

    /// <summary>The time column the steps were fitted with, or null when rows are ordered by arrival.</summary>
    public string? TimeColumn => _steps[0].Scope.Time?.Name;

    /// <summary>The number of groups with state.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>An empty state for fitted window steps (see <see cref="WindowSteps.IsWindowStep"/>) that share one group and time column.</summary>
    public static OnlineWindowState Create(IEnumerable<IFittedFeatureTransform> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        var errors = new List<string>();
        if (list.Count == 0)
        {
            errors.Add("Give at least one fitted window step.");
        }

        errors.AddRange(list.Where(s => s is not FittedWindowStep).Select(s => $"Step '{s?.Kind}' is not a window step."));
        var window = list.OfType<FittedWindowStep>().ToArray();
        if (window.Select(s => (s.Scope.Group?.Name, s.Scope.Time?.Name)).Distinct().Count() > 1)
        {
            errors.Add("The steps must share one group and time column; they use "
                + string.Join(", ", window.Select(s => $"{s.Step} ({s.Scope.Group?.Name ?? "no group"}, {s.Scope.Time?.Name ?? "row order"})")) + ".");
        }

        WindowOptionChecks.ThrowIfAny(errors, "online window steps", nameof(steps));
        return new OnlineWindowState(window);
    }

    /// <summary>Takes one row of a group and returns its features (in <see cref="OutputColumns"/> order).</summary>
    public double[] Update(string group, double time, ReadOnlySpan<double> values)
    {
        var features = new double[_outputs.Length];
        Update(group, time, values, features);
        return features;
    }

    /// <summary>Takes one row whose time is a UTC instant (compared as ticks) and returns its features.</summary>
    public double[] Update(string group, DateTimeOffset time, ReadOnlySpan<double> values) => Update(group, time.UtcTicks, values);

    /// <summary>
    /// Takes one row of a group (values in <see cref="InputColumns"/> order, NaN = missing) and writes its features; throws
    /// <see cref="ArgumentException"/>, leaving the state unchanged, when the time is earlier than the group's last.
    /// </summary>
    public void Update(string group, double time, ReadOnlySpan<double> values, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (values.Length != _inputs.Length)
        {
            throw new ArgumentException($"Expected {_inputs.Length} values ({string.Join(", ", _inputs)}), got {values.Length}.", nameof(values));
        }

        if (features.Length < _outputs.Length)
        {
            throw new ArgumentException($"The features span holds {features.Length} values; {_outputs.Length} are needed.", nameof(features));
        }

        if (double.IsNaN(time))
        {
            throw new ArgumentException($"Group '{group}': the time is NaN; every row needs a time.", nameof(time));
        }

        if (!_groups.TryGetValue(group, out var state))
        {
            state = NewGroup();
            _groups.Add(group, state);
        }
        else if (time < state.LastTime)
        {
            throw new ArgumentException(
                $"Group '{group}': time {time:R} is earlier than its last time {state.LastTime:R}; rows of a group must arrive in time order.",
                nameof(time));
        }

        values.CopyTo(_slots);
        for (var i = 0; i < state.Columns.Length; i++)
        {
            state.Columns[i].Push(_slots[_sources[i]], _slots.AsSpan(_targets[i], _widths[i]));
        }

        state.LastTime = time;
        _slots.AsSpan(_inputs.Length).CopyTo(features);
    }

    /// <summary>Forgets a group (e.g. a decommissioned machine); false when it had no state.</summary>
    public bool Remove(string group) => _groups.Remove(group);

    /// <summary>Writes a snapshot (the steps, then every group's memory, groups in ordinal order) that <see cref="Read"/> restores.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(SnapshotVersion);
        writer.Write(_steps.Length);
        foreach (var step in _steps)
        {
            FeatureStepCodecs.Write(step, writer);
        }

        writer.Write(_groups.Count);
        foreach (var (name, group) in _groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(group.LastTime);
            foreach (var column in group.Columns)
            {
                column.Write(writer);
            }
        }
    }

    /// <summary>Restores a state written by <see cref="Write"/>; its next updates continue exactly where the snapshot stopped.</summary>
    public static OnlineWindowState Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var version = reader.ReadInt32();
        if (version != SnapshotVersion)
        {
            throw new InvalidDataException($"Online window snapshot version {version} is not supported (this build reads {SnapshotVersion}).");
        }

        var codecs = WindowSteps.Codecs();
        var steps = new IFittedFeatureTransform[ReadCount(reader, "steps")];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = codecs.Read(reader);
        }

        var state = Create(steps);
        var groups = ReadCount(reader, "groups");
        for (var g = 0; g < groups; g++)
        {
            var name = reader.ReadString();
            var group = state.NewGroup();
            group.LastTime = reader.ReadDouble();
            foreach (var column in group.Columns)
            {
                column.Read(reader);
            }

            if (!state._groups.TryAdd(name, group))
            {
                throw new InvalidDataException($"Online window snapshot repeats group '{name}'.");
            }
        }

        return state;
    }

    private static int ReadCount(BinaryReader reader, string what)
    {
        var n = reader.ReadInt32();
        return n is >= 0 and <= 100_000_000 ? n : throw new InvalidDataException($"Online window snapshot: {n} {what} is not a valid count.");
    }

    private OnlineGroup NewGroup() => new([.. _steps.SelectMany(s => s.Scope.Columns.Select(_ => s.CreateState()))]);

    private sealed class OnlineGroup(ColumnState[] columns)
    {
        public ColumnState[] Columns { get; } = columns;

        public double LastTime { get; set; } = double.NegativeInfinity;
    }
}
