namespace Vigil.ML.Boosting;

/// <summary>The best split of a node: rows whose bin of <see cref="Feature"/> is ≤ <see cref="Bin"/> go left; NaN follows <see cref="DefaultLeft"/>.</summary>
internal struct SplitInfo
{
    public int Feature;
    public int Bin;
    public bool DefaultLeft;
    public double Gain;
    public double LeftG;
    public double LeftH;

    public static SplitInfo None => new() { Feature = -1 };

    public readonly bool IsValid => Feature >= 0;
}
