using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.Testing;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class RowAndColumnRuleTests
{
    private static readonly CleaningOptions NoOutliers = new(outlierMethod: OutlierMethod.None);

    [Fact]
    public void Clean_MissingExactlyHalfVersusOverHalf_KeepsFiftyDropsFiftyOne()
    {
        double[] Missing(int count) => [.. Enumerable.Range(0, 100).Select(i => i < count ? NaN : i)];
        var frame = Frame(new Float64Column("half", Missing(50)), new Float64Column("more", Missing(51)), new Float64Column("id", Missing(0)));

        var result = DataCleaner.Clean(frame, NoOutliers);

        result.Frame.ColumnNames.ShouldBe(["half", "id"]);
        result.Report.DroppedColumns.ShouldBe([new DroppedColumn("more", 51, 51.0)]);
        result.Fitted.DroppedColumns.ShouldBe(["more"]);
    }

    [Fact]
    public void Clean_ProtectedColumnMostlyMissing_IsKept()
    {
        var frame = Frame(new Float64Column("label", [1, NaN, NaN]), new Float64Column("x", [1, 2, 3]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(protectedColumns: ["label"], outlierMethod: OutlierMethod.None));

        result.Frame.ColumnNames.ShouldBe(["label", "x"]);
        Values(result.Frame, "label").ShouldBe([1, NaN, NaN]);
    }

    [Fact]
    public void Clean_DuplicateRows_QuarantinedWithFirstOccurrenceKept()
    {
        // Rows (1,x) (2,y) (1,x) (?,y) (?,y) (1,x): rows 3 and 6 repeat row 1, row 5 repeats row 4 (missing equals missing).
        var frame = Frame(
            new Float64Column("a", [1, 2, 1, NaN, NaN, 1]),
            CategoricalColumn.FromValues("b", ["x", "y", "x", "y", "y", "x"]));

        var result = DataCleaner.Clean(frame, NoOutliers);

        result.Quarantined.ShouldBe([
            new QuarantinedRow(3, "row 3: duplicate of row 1", "1,x"),
            new QuarantinedRow(5, "row 5: duplicate of row 4", ",y"),
            new QuarantinedRow(6, "row 6: duplicate of row 1", "1,x")]);
        Values(result.Frame, "a").ShouldBe([1, 2, 1.5]);
        result.Report.DuplicateRowsDropped.ShouldBe(3);
    }

    [Fact]
    public void Clean_RowsDifferingOnlyInTermSpelling_AreDuplicatesAfterNormalizing()
    {
        var frame = Frame(CategoricalColumn.FromValues("Type", ["L", " l"]), new Float64Column("v", [1, 1]));

        var result = DataCleaner.Clean(frame, NoOutliers);

        result.Quarantined.ShouldHaveSingleItem().ShouldBe(new QuarantinedRow(2, "row 2: duplicate of row 1", " l,1"));
    }

    [Fact]
    public void Clean_DuplicateSubset_ComparesOnlyListedColumns()
    {
        var frame = Frame(new Float64Column("id", [1, 2]), new Float64Column("v", [5, 5]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(duplicateColumns: ["v"], outlierMethod: OutlierMethod.None));

        result.Frame.RowCount.ShouldBe(1);
    }

    [Fact]
    public void Clean_DuplicatesOff_KeepsEveryRow()
    {
        var frame = Frame(new Float64Column("v", [5, 5]));

        DataCleaner.Clean(frame, new CleaningOptions(dropDuplicates: false, outlierMethod: OutlierMethod.None)).Frame.RowCount.ShouldBe(2);
    }

    [Fact]
    public void Clean_MissingTarget_RowQuarantinedAndTargetNeverImputed()
    {
        var frame = Frame(new Float64Column("x", [1, 2, 3]), new Float64Column("y", [0, NaN, 1]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(target: "y", outlierMethod: OutlierMethod.None));

        result.Quarantined.ShouldBe([new QuarantinedRow(2, "row 2: target 'y' is missing", "2,")]);
        Values(result.Frame, "y").ShouldBe([0, 1]);
        result.Report.MissingTargetRowsDropped.ShouldBe(1);
        result.Fitted.Imputations.ShouldAllBe(i => i.Column != "y");
    }

    [Fact]
    public void Clean_RowDroppedByLaterRule_NumberedByInputRow()
    {
        // Row 2 is a duplicate; row 10 (an outlier) is the 9th row left when outliers are checked, yet it is reported as row 10.
        var frame = Frame(new Float64Column("a", [1, 1, 2, 3, 4, 5, 6, 7, 8, 100]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(outlierMethod: OutlierMethod.Iqr, outlierAction: OutlierAction.Drop));

        result.Quarantined.Select(q => q.LineNumber).ShouldBe([2, 10]);
        result.Quarantined[1].Reason.ShouldStartWith("row 10: 'a' = 100 is an outlier");
    }

    [Fact]
    public void Clean_RawTextWithCommaAndMissing_QuotedLikeCsvWriter()
    {
        var frame = Frame(new StringColumn("s", ["a,b", "a,b"]), new Float64Column("v", [NaN, NaN]));

        var result = DataCleaner.Clean(frame, new CleaningOptions(maxMissingFraction: 1, outlierMethod: OutlierMethod.None));

        result.Quarantined.ShouldHaveSingleItem().RawText.ShouldBe("\"a,b\",");
    }

    [Fact]
    public void Quarantined_WrittenWithQuarantineFile_HoldsReasonAndRawRow()
    {
        var result = DataCleaner.Clean(Frame(new Float64Column("a", [1, 1])), NoOutliers);
        using var dir = new TempDirectory();
        var path = dir.File("quarantine.csv");

        QuarantineFile.Write(path, result.Quarantined);

        File.ReadAllText(path).ShouldBe("line,reason,raw\n2,\"row 2: duplicate of row 1\",\"1\"\n");
    }
}
