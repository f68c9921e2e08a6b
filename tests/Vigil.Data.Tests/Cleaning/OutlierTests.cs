using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class OutlierTests
{
    // Mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample std √(32/7) = 2.13809.
    // |z|: 2 -> 1.403, 9 -> 1.871, 7 -> 0.935.
    private static readonly double Std = Math.Sqrt(32.0 / 7);

    private static DataFrame ZFrame() => Frame(new Float64Column("a", [2, 4, 4, 4, 5, 5, 7, 9]));

    // Sorted 1..9, 100: Q1 = x[2] + 0.25·(x[3] − x[2]) = 3.25, Q3 = x[6] + 0.75·(x[7] − x[6]) = 7.75, IQR 4.5 -> [−3.5, 14.5].
    private static DataFrame IqrFrame() => Frame(new Float64Column("a", [1, 2, 3, 4, 100, 5, 6, 7, 8, 9]));

    [Fact]
    public void Fit_ZScore_BoundsAreMeanPlusMinusThresholdTimesSampleStd()
    {
        var fit = DataCleaner.Fit(ZFrame(), OutliersOnly(OutlierMethod.ZScore, OutlierAction.Flag, zScoreThreshold: 1)).Outliers.ShouldHaveSingleItem();

        fit.Center.ShouldBe(5, 1e-12);
        fit.Spread.ShouldBe(Std, 1e-12);
        fit.Lower.ShouldBe(5 - Std, 1e-12);
        fit.Upper.ShouldBe(5 + Std, 1e-12);
    }

    [Fact]
    public void Clean_ZScoreClip_ClipsToBounds()
    {
        var result = DataCleaner.Clean(ZFrame(), OutliersOnly(OutlierMethod.ZScore, OutlierAction.Clip, zScoreThreshold: 1));

        Values(result.Frame, "a").ShouldBe([5 - Std, 4, 4, 4, 5, 5, 7, 5 + Std], tolerance: 1e-12);
        result.Report.Outliers.ShouldHaveSingleItem().Count.ShouldBe(2);
        result.Frame.ColumnCount.ShouldBe(1);
    }

    [Fact]
    public void Clean_ZScoreFlag_AddsZeroOneColumnAndKeepsValues()
    {
        var result = DataCleaner.Clean(ZFrame(), OutliersOnly(OutlierMethod.ZScore, OutlierAction.Flag, zScoreThreshold: 1));

        Values(result.Frame, "a").ShouldBe([2, 4, 4, 4, 5, 5, 7, 9]);
        Values(result.Frame, "a_outlier").ShouldBe([1, 0, 0, 0, 0, 0, 0, 1]);
        result.Quarantined.ShouldBeEmpty();
    }

    [Fact]
    public void Clean_ZScoreDrop_QuarantinesRowWithZInReason()
    {
        var result = DataCleaner.Clean(ZFrame(), OutliersOnly(OutlierMethod.ZScore, OutlierAction.Drop, zScoreThreshold: 1.5));

        Values(result.Frame, "a").ShouldBe([2, 4, 4, 4, 5, 5, 7]);
        var row = result.Quarantined.ShouldHaveSingleItem();
        row.LineNumber.ShouldBe(8);
        row.Reason.ShouldBe("row 8: 'a' = 9 is an outlier (|z| = 1.871 > 1.5)");
        row.RawText.ShouldBe("9");
        result.Report.OutlierRowsDropped.ShouldBe(1);
    }

    [Fact]
    public void Clean_IqrClip_TukeyFencesFromLinearQuartiles()
    {
        var result = DataCleaner.Clean(IqrFrame(), OutliersOnly(OutlierMethod.Iqr, OutlierAction.Clip));

        var fit = result.Fitted.Outliers.ShouldHaveSingleItem();
        (fit.Center, fit.Spread, fit.Lower, fit.Upper).ShouldBe((3.25, 7.75, -3.5, 14.5));
        Values(result.Frame, "a").ShouldBe([1, 2, 3, 4, 14.5, 5, 6, 7, 8, 9]);
        result.Report.Outliers.ShouldBe([new OutlierCount("a", OutlierMethod.Iqr, OutlierAction.Clip, 1.5, -3.5, 14.5, 1)]);
    }

    [Fact]
    public void Clean_IqrDrop_ReasonNamesFences()
    {
        var result = DataCleaner.Clean(IqrFrame(), OutliersOnly(OutlierMethod.Iqr, OutlierAction.Drop));

        result.Quarantined.ShouldHaveSingleItem().Reason.ShouldBe("row 5: 'a' = 100 is an outlier (outside [-3.5, 14.5] = Q1 − 1.5·IQR .. Q3 + 1.5·IQR)");
    }

    [Fact]
    public void Clean_BinaryAndProtectedColumns_AreNotChecked()
    {
        var frame = Frame(
            new Float64Column("flag", [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
            new Float64Column("id", [1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(protectedColumns: ["id"], outlierMethod: OutlierMethod.Iqr));

        result.Fitted.Outliers.ShouldBeEmpty();
        result.Frame.ColumnNames.ShouldBe(["flag", "id"]);
    }

    [Fact]
    public void Clean_MissingValueAfterImputationLeft_IsNeverAnOutlier()
    {
        var frame = Frame(new Float64Column("a", [1, 2, 3, 4, 100, 5, 6, 7, 8, 9, NaN]));

        var result = DataCleaner.Clean(frame, OutliersOnly(OutlierMethod.Iqr, OutlierAction.Flag));

        Values(result.Frame, "a_outlier").ShouldBe([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    }
}
