using Shouldly;
using Vigil.Data.Csv;
using Xunit;

namespace Vigil.Data.Tests.Csv;

public sealed class CsvReadOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreDocumentedValues()
    {
        var o = CsvReadOptions.Default;

        o.Delimiter.ShouldBeNull();
        o.HasHeader.ShouldBeNull();
        o.MissingTokens.ShouldBe(["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]);
        o.InferenceSampleRows.ShouldBe(1000);
        o.CategoricalMaxDistinct.ShouldBe(100);
        o.CategoricalDictionaryCap.ShouldBe(10_000);
    }

    [Fact]
    public void Constructor_SeveralInvalidArguments_OneExceptionListingAll()
    {
        var ex = Should.Throw<ArgumentException>(() => new CsvReadOptions(
            delimiter: '"', inferenceSampleRows: 0, categoricalMaxFraction: 2, maxFieldLength: 0, maxRecordBytes: 10));

        ex.Message.ShouldContain("delimiter");
        ex.Message.ShouldContain("inferenceSampleRows");
        ex.Message.ShouldContain("categoricalMaxFraction");
        ex.Message.ShouldContain("maxFieldLength");
        ex.Message.ShouldContain("maxRecordBytes");
    }
}
