using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>Resolves and checks the columns a step reads, with errors that name the step, the column and its kind.</summary>
internal static class ColumnSelection
{
    /// <summary>The requested columns, or (when none are requested) every column of an accepted kind except the target; each checked.</summary>
    public static string[] Resolve(DataFrame frame, IReadOnlyList<string> requested, ReadOnlySpan<ColumnKind> accepted, FeatureFitContext context, string step)
    {
        if (requested.Count == 0)
        {
            var kinds = accepted.ToArray();
            var all = frame.Columns.Where(c => kinds.Contains(c.Kind) && c.Name != context.Target).Select(c => c.Name).ToArray();
            return all.Length > 0
                ? all
                : throw new ArgumentException($"{step}: no columns were given and the frame has no {Describe(kinds)} column besides the target.", nameof(frame));
        }

        foreach (var name in requested)
        {
            if (name == context.Target)
            {
                throw new ArgumentException($"{step}: column '{name}' is the target; unsupervised feature steps must not read it.", nameof(frame));
            }

            Require(frame, name, accepted, step);
        }

        return [.. requested];
    }

    /// <summary>The named column; throws <see cref="ArgumentException"/> naming the step, column and kinds when it is absent or of another kind.</summary>
    public static Column Require(DataFrame frame, string name, ReadOnlySpan<ColumnKind> accepted, string step)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.TryGetColumn(name, out var column))
        {
            throw new ArgumentException($"{step}: column '{name}' is missing; the frame has: {string.Join(", ", frame.ColumnNames)}.", nameof(frame));
        }

        if (!accepted.Contains(column.Kind))
        {
            throw new ArgumentException($"{step}: column '{name}' is {column.Kind}; expected {Describe(accepted.ToArray())}.", nameof(frame));
        }

        return column;
    }

    /// <summary>The column's values as a new array, for Float64 columns.</summary>
    public static double[] Numbers(DataFrame frame, string name, string step) =>
        ((Float64Column)Require(frame, name, [ColumnKind.Float64], step)).ToArray();

    /// <summary>Checks that no output column would clash with a column the step does not replace.</summary>
    public static void RequireFree(DataFrame frame, IEnumerable<string> outputs, IEnumerable<string> replaced, string step)
    {
        var replacedSet = new HashSet<string>(replaced, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in outputs)
        {
            if (!seen.Add(name) || (frame.Contains(name) && !replacedSet.Contains(name)))
            {
                throw new ArgumentException($"{step}: output column '{name}' already exists; choose another output name.", nameof(frame));
            }
        }
    }

    private static string Describe(ColumnKind[] kinds) => string.Join(" or ", kinds);
}
