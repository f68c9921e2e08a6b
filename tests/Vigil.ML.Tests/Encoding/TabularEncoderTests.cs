using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Xunit;

namespace Vigil.ML.Tests.Encoding;

public sealed class TabularEncoderTests
{
    private static TabularEncoding Fit() => new TabularEncoder(new TabularEncoderOptions { Target = "Failure" }).Fit(Frames.Machines());

    [Fact]
    public void Fit_MixedFrame_NamesFeaturesAndReportsExcludedColumns()
    {
        var encoding = Fit();

        encoding.FeatureNames.ShouldBe(["Type=H", "Type=L", "Type=M", "Temp", "Running"]);
        encoding.InputSchema.Columns.Select(c => (c.Name, c.Kind)).ShouldBe(
            [("Type", ColumnKind.Categorical), ("Temp", ColumnKind.Float64), ("Running", ColumnKind.Boolean)]);
        encoding.ExcludedColumns.ShouldHaveSingleItem().Name.ShouldBe("Note");
    }

    [Fact]
    public void Transform_TrainingFrame_EncodesOneHotNaNAndBooleans()
    {
        var m = Fit().Transform(Frames.Machines());

        m.RowCount.ShouldBe(6);
        m.Row(0).ToArray().ShouldBe([0, 0, 1, 300, 1]);
        m.Row(1).ToArray().ShouldBe([0, 1, 0, 301, 0]);
        double.IsNaN(m[2, 3]).ShouldBeTrue();
        double.IsNaN(m[3, 4]).ShouldBeTrue();
        m.Row(4)[..3].ToArray().ShouldAllBe(v => double.IsNaN(v));
    }

    [Fact]
    public void Transform_UnknownCategory_EncodesAllZeros()
    {
        var frame = new DataFrame(
        [
            CategoricalColumn.FromValues("Type", ["X", "H"]),
            new Float64Column("Temp", [1, 2]),
            new BooleanColumn("Running", [true, true]),
        ]);

        var m = Fit().Transform(frame);

        m.Row(0)[..3].ToArray().ShouldBe([0, 0, 0]);
        m.Row(1)[..3].ToArray().ShouldBe([1, 0, 0]);
    }

    [Fact]
    public void Transform_MissingAndWrongKindColumns_ThrowsNamingBoth()
    {
        var frame = new DataFrame([new Float64Column("Type", [1]), new BooleanColumn("Running", [true])]);

        var error = Should.Throw<ArgumentException>(() => Fit().Transform(frame));

        error.Message.ShouldContain("'Temp' (Float64) is missing");
        error.Message.ShouldContain("'Type' is Float64 but Categorical is expected");
    }

    [Fact]
    public void Fit_ExcludedColumnNotInFrame_ThrowsNamingIt()
    {
        var encoder = new TabularEncoder(new TabularEncoderOptions { Target = "Failure", Exclude = ["UDI"] });

        Should.Throw<ArgumentException>(() => encoder.Fit(Frames.Machines())).Message.ShouldContain("'UDI'");
    }

    [Fact]
    public void Constructor_FromInputSchema_RebuildsTheSameEncoding()
    {
        var original = Fit();

        var rebuilt = new TabularEncoding(original.InputSchema, original.ExcludedColumns);

        rebuilt.FeatureNames.ShouldBe(original.FeatureNames);
        rebuilt.Transform(Frames.Machines()).Values.ToArray().ShouldBe(original.Transform(Frames.Machines()).Values.ToArray());
    }
}
