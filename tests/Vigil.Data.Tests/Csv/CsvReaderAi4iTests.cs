using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Frames;
using Vigil.Testing;
using Xunit;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvReaderAi4iTests
{
    [Fact]
    public void ReadFile_Ai4i_LoadsTenThousandRowsWithExpectedKinds()
    {
        var path = RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv");

        var result = CsvReader.ReadFile(path, ct: TestContext.Current.CancellationToken);

        var frame = result.Frame;
        frame.RowCount.ShouldBe(10_000);
        frame.ColumnCount.ShouldBe(14);
        result.Quarantined.ShouldBeEmpty();
        result.Summary.HasHeader.ShouldBeTrue();
        result.Summary.Delimiter.ShouldBe(',');
        frame.Get<CategoricalColumn>("Type").Categories.OrderBy(c => c, StringComparer.Ordinal).ShouldBe(["H", "L", "M"]);
        frame["Product ID"].Kind.ShouldBe(ColumnKind.String);
        string[] numeric = ["UDI", "Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]", "Torque [Nm]",
            "Tool wear [min]", "Machine failure", "TWF", "HDF", "PWF", "OSF", "RNF"];
        foreach (var name in numeric)
        {
            frame[name].Kind.ShouldBe(ColumnKind.Float64, name);
        }

        frame.Get<Float64Column>("Torque [Nm]")[0].ShouldBe(42.8);
        frame.Get<Float64Column>("Machine failure").Values.ToArray().Sum().ShouldBe(339);
    }
}
