namespace Vigil.ML.Boosting;

/// <summary>
/// Exact search over histogram bins (Chen and Guestrin 2016, Alg. 3 "sparsity-aware split finding"): every bin
/// boundary is tried with the NaN bin sent right, then sent left, scoring G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ).
/// </summary>
internal static class SplitFinder
{
    public static SplitInfo Find(
        ReadOnlySpan<GradientPair> hist, ReadOnlySpan<int> counts, ReadOnlySpan<int> features, BinMapper mapper,
        double g, double h, int rows, in GrowthSettings s)
    {
        var best = SplitInfo.None;
        best.Gain = s.MinGain;
        var lambda = s.Lambda;
        var parent = g * g / (h + lambda);
        var minH = s.MinChildWeight;
        var minRows = s.MinSamplesLeaf;
        var track = s.TrackCounts;
        foreach (var f in features)
        {
            var off = mapper.Offsets[f];
            var bins = mapper.ValueBins(f);
            var bh = hist.Slice(off, bins + 1);
            var missing = bh[bins];
            var missingRows = track ? counts[off + bins] : 0;
            var hasMissing = missing.H != 0 || missing.G != 0 || missingRows != 0;
            var cnt = track ? counts.Slice(off, bins + 1) : default;

            // Pass 0: NaN right (the last boundary isolates NaN); pass 1: NaN left.
            for (var pass = 0; pass < (hasMissing ? 2 : 1); pass++)
            {
                double gl = pass == 0 ? 0 : missing.G, hl = pass == 0 ? 0 : missing.H;
                var cl = pass == 0 ? 0 : missingRows;
                var last = pass == 0 && hasMissing ? bins : bins - 1;
                for (var b = 0; b < last; b++)
                {
                    gl += bh[b].G;
                    hl += bh[b].H;
                    if (track)
                    {
                        cl += cnt[b];
                        if (cl < minRows || rows - cl < minRows)
                        {
                            continue;
                        }
                    }

                    var hr = h - hl;
                    if (hl < minH || hr < minH || hl <= 0 || hr <= 0)
                    {
                        continue;
                    }

                    var gr = g - gl;
                    var gain = (gl * gl / (hl + lambda)) + (gr * gr / (hr + lambda)) - parent;
                    if (gain > best.Gain)
                    {
                        best = new SplitInfo { Feature = f, Bin = b, DefaultLeft = pass == 1, Gain = gain, LeftG = gl, LeftH = hl };
                    }
                }
            }

            if (best.Feature == f && !hasMissing)
            {
                // No training row of this node was missing: NaN follows the heavier child.
                best.DefaultLeft = best.LeftH >= h - best.LeftH;
            }
        }

        return best;
    }
}
