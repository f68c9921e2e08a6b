using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Frames;
using Xunit;
using static Vigil.Data.Tests.Cleaning.CleaningTestFrames;

namespace Vigil.Data.Tests.Cleaning;

public sealed class FittedCleaningTests
{
    // Training a: median of 1..5 = 3; Q1 = 2, Q3 = 4, IQR 2 -> clip to [−1, 7].
    private static readonly CleaningOptions Options = new(outlierMethod: OutlierMethod.Iqr, outlierAction: OutlierAction.Clip, dropDuplicates: false);

    private static DataFrame Training() => Frame(new Float64Column("a", [1, 2, 3, 4, 5, NaN]), CategoricalColumn.FromValues("Type", ["L", "L", "l", "M", "M", "M"]));

    [Fact]
    public void Apply_NewFrame_UsesTrainingStatisticsNotItsOwn()
    {
        var fitted = DataCleaner.Fit(Training(), Options);
        var test = Frame(new Float64Column("a", [NaN, 100, 100, 100, 100]), CategoricalColumn.FromValues("Type", ["l", " L", "x", "m", "M"]));

        var result = fitted.Apply(test);

        // Refitting on the test rows would give median 100 and bounds [100, 100]; the training ones are 3 and [−1, 7].
        Values(result.Frame, "a").ShouldBe([3, 7, 7, 7, 7]);
        Texts(result.Frame, "Type").ShouldBe(["L", "L", "x", "M", "M"]);
        result.Report.Imputations.ShouldBe([new ImputationCount("a", ImputationMethod.Median, 1, 0, NumericValue: 3)]);
        result.Report.Outliers.ShouldHaveSingleItem().Count.ShouldBe(4);
        result.Fitted.ShouldBeSameAs(fitted);
    }

    [Fact]
    public void Apply_NewFrame_NeverChangesFittedStatistics()
    {
        var fitted = DataCleaner.Fit(Training(), Options);
        ImputationFit[] imputations = [.. fitted.Imputations];
        OutlierFit[] outliers = [.. fitted.Outliers];
        var before = fitted.Apply(Training()).Report.ToJson();

        fitted.Apply(Frame(new Float64Column("a", [NaN, -50, 1e6]), CategoricalColumn.FromValues("Type", [null, "Q", "Q"])));

        fitted.Imputations.ShouldBe(imputations);
        fitted.Outliers.ShouldBe(outliers);
        fitted.TrainingRows.ShouldBe(6);
        fitted.Apply(Training()).Report.ToJson().ShouldBe(before);
    }

    [Fact]
    public void Clean_SameFrame_EqualsFitThenApply()
    {
        var cleaned = DataCleaner.Clean(Training(), Options);
        var applied = DataCleaner.Fit(Training(), Options).Apply(Training());

        Values(applied.Frame, "a").ShouldBe(Values(cleaned.Frame, "a"));
        applied.Report.ToJson().ShouldBe(cleaned.Report.ToJson());
    }

    [Fact]
    public void Apply_OriginalNames_RenamedAsInTraining()
    {
        var fitted = DataCleaner.Fit(Frame(new Float64Column("Torque [Nm]", [1, 2, 3])), new CleaningOptions(snakeCaseNames: true));

        fitted.Apply(Frame(new Float64Column("Torque [Nm]", [4]))).Frame.ColumnNames.ShouldBe(["torque_nm", "torque_nm_outlier"]);
    }

    [Fact]
    public void Apply_ServingFrameWithoutTarget_Cleans()
    {
        var fitted = DataCleaner.Fit(Frame(new Float64Column("x", [1, 2, 3]), new Float64Column("y", [0, 1, 0])), new CleaningOptions(target: "y"));

        var result = fitted.Apply(Frame(new Float64Column("x", [NaN])));

        Values(result.Frame, "x").ShouldBe([2]);
    }

    [Fact]
    public void Apply_WrongSchema_ThrowsListingEveryProblem()
    {
        var fitted = DataCleaner.Fit(Training(), Options);

        var ex = Should.Throw<ArgumentException>(() => fitted.Apply(Frame(new Float64Column("Type", [1]))));

        ex.Message.ShouldContain("column 'a' is missing.");
        ex.Message.ShouldContain("column 'Type' is Float64 but was Categorical when fitted.");
    }

    [Fact]
    public void Apply_DroppedColumnAbsent_IsFine()
    {
        var fitted = DataCleaner.Fit(Frame(new Float64Column("x", [1, 2, 3]), new Float64Column("sparse", [NaN, NaN, 1])), Options);

        fitted.DroppedColumns.ShouldBe(["sparse"]);
        fitted.Apply(Frame(new Float64Column("x", [5]))).Frame.ColumnNames.ShouldBe(["x"]);
    }
}
