using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;

namespace Vigil.Data.Tests.Generators;

/// <summary>Summary statistics used to compare generated and real frames.</summary>
internal static class Ai4iStats
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    public static double Sd(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (values.Length - 1));
    }

    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = Mean(x), my = Mean(y), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    public static ReadOnlySpan<double> Values(DataFrame frame, string column) => frame.Get<Float64Column>(column).Values;

    public static int Count(DataFrame frame, string flag)
    {
        var n = 0;
        foreach (var v in Values(frame, flag))
        {
            n += v == 1.0 ? 1 : 0;
        }

        return n;
    }

    public static double Share(DataFrame frame, string type)
    {
        var column = frame.Get<CategoricalColumn>(Ai4iColumns.Type);
        var n = 0;
        for (var i = 0; i < column.Length; i++)
        {
            n += column[i] == type ? 1 : 0;
        }

        return (double)n / column.Length;
    }
}
