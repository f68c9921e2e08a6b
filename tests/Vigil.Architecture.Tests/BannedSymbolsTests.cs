using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Architecture.Tests;

public sealed class BannedSymbolsTests
{
    [Theory]
    [InlineData("P:System.DateTime.Now")]
    [InlineData("P:System.DateTime.UtcNow")]
    [InlineData("P:System.DateTimeOffset.UtcNow")]
    [InlineData("P:System.Random.Shared")]
    [InlineData("M:System.Random.#ctor")]
    [InlineData("M:System.Threading.Tasks.Task.Delay(System.TimeSpan)")]
    public void BannedSymbols_TimeAndRandomness_Listed(string symbol)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "eng", "BannedSymbols.txt"));
        lines.ShouldContain(l => l.StartsWith(symbol + ";", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildProps_AnalyzerAndBannedListAppliedToSourceAndTests()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        props.ShouldContain("Microsoft.CodeAnalysis.BannedApiAnalyzers");
        props.ShouldContain("eng/BannedSymbols.txt");
        props.ShouldContain("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        props.ShouldContain("<Nullable>enable</Nullable>");
    }
}
