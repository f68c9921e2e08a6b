using Shouldly;
using Vigil.Data.Cleaning;
using Vigil.Data.Csv;
using Vigil.Testing;
using Xunit;

namespace Vigil.Data.Tests.Cleaning;

public sealed class DataCleanerAi4iTests
{
    [Fact]
    public void Clean_Ai4iDefaults_FlagsSpeedAndTorqueOutliersAndDropsNothing()
    {
        var path = RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv");
        var frame = CsvReader.ReadFile(path, ct: TestContext.Current.CancellationToken).Frame;

        var result = DataCleaner.Clean(frame, new CleaningOptions(target: "Machine failure", protectedColumns: ["UDI", "Product ID"]));

        // Checked: the five sensors (the 0/1 failure modes have two values). Counts of |z| > 3 with the sample std, as numpy gives.
        var report = result.Report;
        report.Outliers.Select(o => (o.Column, o.Count)).ShouldBe([
            ("Air temperature [K]", 0L), ("Process temperature [K]", 0L), ("Rotational speed [rpm]", 164L), ("Torque [Nm]", 25L), ("Tool wear [min]", 0L)]);
        var torque = result.Fitted.Outliers.Single(o => o.Column == "Torque [Nm]");
        torque.Center.ShouldBe(39.98691, 1e-9);
        torque.Spread.ShouldBe(9.968933725121337, 1e-9);
        (report.OutputRows, report.OutputColumns, report.QuarantinedRows).ShouldBe((10_000, 19, 0));
        (report.RenamedColumns.Count, report.NormalizedTerms.Count, report.DroppedColumns.Count, report.ValuesImputed).ShouldBe((0, 0, 0, 0L));
    }
}
