namespace Vigil.Features.Synthesis;

/// <summary>Proposes formulas over numeric columns in the spirit of Deep Feature Synthesis (Kanter and Veeramachaneni 2015, IEEE DSAA), one level deep.</summary>
internal static class SynthesisCandidates
{
    /// <summary>Every pair (i &lt; j) gets a product, sum and difference, both ratios; every column a square — as the operations allow.</summary>
    public static List<SynthesizedFeature> Propose(IReadOnlyList<string> columns, IReadOnlyList<SynthesisOperation> operations, Func<string, double> ratioGuard)
    {
        var ops = new HashSet<SynthesisOperation>(operations);
        var result = new List<SynthesizedFeature>();
        void Add(SynthesisOperation op, string a, string? b, double guard = 0) =>
            result.Add(new SynthesizedFeature(SynthesizedFeature.DefaultName(op, a, b), op, a, b, guard));
        for (var i = 0; i < columns.Count; i++)
        {
            for (var j = i + 1; j < columns.Count; j++)
            {
                var (a, b) = (columns[i], columns[j]);
                if (ops.Contains(SynthesisOperation.Product))
                {
                    Add(SynthesisOperation.Product, a, b);
                }

                if (ops.Contains(SynthesisOperation.Ratio))
                {
                    Add(SynthesisOperation.Ratio, a, b, ratioGuard(b));
                    Add(SynthesisOperation.Ratio, b, a, ratioGuard(a));
                }

                if (ops.Contains(SynthesisOperation.Difference))
                {
                    Add(SynthesisOperation.Difference, b, a);
                }

                if (ops.Contains(SynthesisOperation.Sum))
                {
                    Add(SynthesisOperation.Sum, a, b);
                }
            }
        }

        if (ops.Contains(SynthesisOperation.Square))
        {
            foreach (var a in columns)
            {
                Add(SynthesisOperation.Square, a, null);
            }
        }

        return result;
    }
}
