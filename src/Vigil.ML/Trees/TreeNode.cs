namespace Vigil.ML.Trees;

/// <summary>One node of a flat tree: a split (<see cref="Feature"/> ≥ 0) or a leaf (<see cref="Feature"/> = -1).</summary>
/// <param name="Feature">The feature tested, or -1 for a leaf.</param>
/// <param name="Threshold">Rows with value ≤ threshold go left, greater go right.</param>
/// <param name="Left">The left child's index, or -1.</param>
/// <param name="Right">The right child's index, or -1.</param>
/// <param name="MissingLeft">Whether a missing (NaN) value goes left.</param>
internal readonly record struct TreeNode(int Feature, double Threshold, int Left, int Right, bool MissingLeft)
{
    public bool IsLeaf => Feature < 0;

    public static TreeNode Leaf => new(-1, 0, -1, -1, false);
}
