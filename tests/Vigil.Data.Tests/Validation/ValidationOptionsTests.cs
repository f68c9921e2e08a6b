using Shouldly;
using Vigil.Data.Validation;
using Xunit;

namespace Vigil.Data.Tests.Validation;

public sealed class ValidationOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreDocumentedValues()
    {
        var o = new ValidationOptions();

        (o.MinRows, o.MinClassCount, o.MinMinorityShare, o.MissingWarningFraction).ShouldBe((100, 10, 0.1, 0.05));
        (o.NumericTextFraction, o.IdentifierMinRows, o.MaxClasses).ShouldBe((0.9, 20, 20));
        o.Leakage.ShouldBe(LeakageOptions.Default);
        (o.Leakage.MinPrecision, o.Leakage.MinSupport, o.Leakage.MinLift, o.Leakage.MinAuc).ShouldBe((0.99, 5, 5.0, 0.99));
        (o.Leakage.MinDecompositionCoverage, o.Leakage.MinDecompositionPrecision, o.Leakage.MinDecompositionColumns).ShouldBe((0.8, 0.99, 2));
    }

    [Fact]
    public void Constructor_SeveralInvalidSettings_ReportsAllInOneException()
    {
        var ex = Should.Throw<ArgumentException>(() => new ValidationOptions(target: " ", minRows: -1, minMinorityShare: 2));

        ex.Message.ShouldContain("target");
        ex.Message.ShouldContain("minRows");
        ex.Message.ShouldContain("minMinorityShare");
    }

    [Fact]
    public void LeakageOptions_InvalidThresholds_ReportsAll()
    {
        var ex = Should.Throw<ArgumentException>(() => new LeakageOptions(minAuc: 0.3, minSupport: 0, maxCategories: 1, minPrecision: double.NaN));

        ex.Message.ShouldContain("minAuc");
        ex.Message.ShouldContain("minSupport");
        ex.Message.ShouldContain("maxCategories");
        ex.Message.ShouldContain("minPrecision");
    }
}
