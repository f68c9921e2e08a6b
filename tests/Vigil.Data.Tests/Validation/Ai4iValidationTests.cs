using Shouldly;
using Vigil.Data.Profiling;
using Vigil.Data.Validation;
using Xunit;

namespace Vigil.Data.Tests.Validation;

/// <summary>The real AI4I 2020 predictive-maintenance data (10,000 rows, 339 failures); skipped when the file is absent.</summary>
public sealed class Ai4iValidationTests
{
    private static readonly ValidationOptions Options = new(target: "Machine failure");

    [Fact]
    public void Validate_Ai4i_FlagsExactlyTheFailureModeColumns()
    {
        var report = DataValidator.Validate(Ai4iTestLoader.Load(), Options);

        report.LeakageSuspects.Select(s => (s.Column, s.Rule)).ShouldBe(
        [
            ("TWF", LeakageRule.ValueImpliesTarget),
            ("HDF", LeakageRule.ValueImpliesTarget),
            ("PWF", LeakageRule.ValueImpliesTarget),
            ("OSF", LeakageRule.ValueImpliesTarget),
            ("RNF", LeakageRule.TargetDecomposition),
        ]);
        report.LeakageSuspects.Take(4).ShouldAllBe(s => s.Score == 1.0);

        // TWF|HDF|PWF|OSF explain 330 of 339 failures at precision 1: RNF scores 0.5 * 330/339.
        report.LeakageSuspects[4].Score.ShouldBe(0.5 * 330 / 339, 1e-12);
        report.LeakageSuspects[4].Evidence.ShouldContain("only 1 of its 19 rows with RNF = 1 have 'Machine failure' = 1");
    }

    [Fact]
    public void Validate_Ai4i_IdentifiersAndSensorsAreNotLeakage()
    {
        var report = DataValidator.Validate(Ai4iTestLoader.Load(), Options);

        report.IdentifierColumns.ShouldBe(["UDI", "Product ID"]);
        string[] honest = ["UDI", "Product ID", "Type", "Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]", "Torque [Nm]", "Tool wear [min]"];
        report.IssuesWithCode(IssueCodes.LeakageSuspect).Select(i => i.Column).ShouldBe(["TWF", "HDF", "PWF", "OSF", "RNF"]);
        report.LeakageSuspects.Select(s => s.Column).Intersect(honest).ShouldBeEmpty();
        report.ExcludedColumns.ShouldBe(["TWF", "HDF", "PWF", "OSF", "RNF", "UDI", "Product ID"]);
    }

    [Fact]
    public void Validate_Ai4i_ClassBalanceAndNoErrors()
    {
        var report = DataValidator.Validate(Ai4iTestLoader.Load(), Options);

        report.ClassBalance!.Classes.ShouldBe([new ClassCount("0", 9661, 0.9661), new ClassCount("1", 339, 0.0339)]);
        report.IssuesWithCode(IssueCodes.ClassImbalance).ShouldHaveSingleItem().Count.ShouldBe(339);
        report.DuplicateRowCount.ShouldBe(0);
        report.HasErrors.ShouldBeFalse();
        report.Issues.Count.ShouldBe(8);
    }

    [Fact]
    public void Profile_Ai4i_GoldenCounts()
    {
        var frame = Ai4iTestLoader.Load();

        var profile = DataProfiler.Profile(frame);

        profile.Find("Tool wear [min]")!.Numeric!.ZeroCount.ShouldBe(120);
        profile.Find("Type")!.TopValues.ShouldBe([new ValueCount("L", 6000), new ValueCount("M", 2997), new ValueCount("H", 1003)]);
    }
}
