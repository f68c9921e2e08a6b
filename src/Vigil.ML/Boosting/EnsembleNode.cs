using System.Runtime.InteropServices;

namespace Vigil.ML.Boosting;

/// <summary>
/// One node of a flattened boosted tree, 16 bytes: a split sends x ≤ <see cref="Value"/> to <see cref="Left"/> and
/// everything else to Left + 1; NaN goes left when <see cref="Feature"/> is stored complemented (~f). A leaf has
/// <see cref="Left"/> = 0 and its weight in <see cref="Value"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct EnsembleNode(double value, int feature, int left)
{
    public readonly double Value = value;
    public readonly int Feature = feature;
    public readonly int Left = left;

    public bool IsLeaf => Left == 0;

    public bool DefaultLeft => Feature < 0;

    public int FeatureIndex => Feature < 0 ? ~Feature : Feature;

    public static EnsembleNode Leaf(double value) => new(value, 0, 0);

    public static EnsembleNode Split(int feature, double threshold, bool defaultLeft, int left) =>
        new(threshold, defaultLeft ? ~feature : feature, left);
}
