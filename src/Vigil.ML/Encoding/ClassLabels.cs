using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.ML.Encoding;

/// <summary>
/// The mapping between a target column's values and class indices. Labels are the values' invariant
/// text (numbers in round-trip form, so 0/1 become "0"/"1"; booleans "false"/"true"), sorted
/// numerically for Float64 targets and ordinally otherwise; class i is <c>Labels[i]</c>. For a
/// binary target the positive class is index 1 (e.g. "1", or "true").
/// </summary>
public sealed class ClassLabels
{
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _index;

    /// <summary>Rebuilds a mapping from its target name, kind and labels in class order.</summary>
    public ClassLabels(string targetName, ColumnKind targetKind, IReadOnlyList<string> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new ArgumentException("A target needs at least one class label.", nameof(labels));
        }

        _labels = [.. labels];
        _index = new Dictionary<string, int>(_labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < _labels.Length; i++)
        {
            if (!_index.TryAdd(_labels[i], i))
            {
                throw new ArgumentException($"Class label '{_labels[i]}' appears more than once.", nameof(labels));
            }
        }

        TargetName = targetName;
        TargetKind = targetKind;
    }

    /// <summary>The target column's name.</summary>
    public string TargetName { get; }

    /// <summary>The target column's kind in the training frame.</summary>
    public ColumnKind TargetKind { get; }

    /// <summary>The labels in class-index order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The number of classes.</summary>
    public int Count => _labels.Length;

    /// <summary>Learns the sorted labels of <paramref name="target"/>; throws on a missing value or a Timestamp column.</summary>
    public static ClassLabels Fit(Column target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var texts = Texts(target);
        IEnumerable<string> distinct = texts.Distinct(StringComparer.Ordinal);
        distinct = target.Kind == ColumnKind.Float64
            ? distinct.OrderBy(t => double.Parse(t, CultureInfo.InvariantCulture))
            : distinct.Order(StringComparer.Ordinal);
        return new ClassLabels(target.Name, target.Kind, [.. distinct]);
    }

    /// <summary>The class index of every row of <paramref name="target"/>; throws naming the row of a missing or unknown value.</summary>
    public int[] Encode(Column target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var texts = Texts(target);
        var result = new int[texts.Length];
        for (var r = 0; r < texts.Length; r++)
        {
            result[r] = _index.TryGetValue(texts[r], out var i)
                ? i
                : throw new ArgumentException($"Target '{target.Name}' row {r} has value '{texts[r]}', which is not one of the classes {string.Join(", ", _labels)}.", nameof(target));
        }

        return result;
    }

    /// <summary>The class index of <paramref name="label"/>, or -1.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out var i) ? i : -1;

    /// <summary>The label of class <paramref name="classIndex"/>.</summary>
    public string Decode(int classIndex) => _labels[classIndex];

    private static string[] Texts(Column target)
    {
        if (target.Kind == ColumnKind.Timestamp)
        {
            throw new ArgumentException($"Target '{target.Name}' is a Timestamp column, which cannot be a class label.", nameof(target));
        }

        var texts = new string[target.Length];
        for (var r = 0; r < texts.Length; r++)
        {
            if (target.IsMissing(r))
            {
                throw new ArgumentException($"Target '{target.Name}' is missing at row {r}.", nameof(target));
            }

            texts[r] = target is Float64Column f ? f[r].ToString("R", CultureInfo.InvariantCulture) : target.Format(r);
        }

        return texts;
    }
}
