using System.Runtime.InteropServices;

namespace Vigil.ML.Forests;

/// <summary>
/// One 16-byte node of a flattened forest. Trees are stored in pre-order, so a split's left child is
/// the next node and only the right child's index is kept. A leaf has <see cref="Feature"/> = -1 and
/// <see cref="Right"/> = the offset of its value vector.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct ForestNode(double Threshold, int Right, short Feature, bool MissingLeft)
{
    public bool IsLeaf => Feature < 0;
}
