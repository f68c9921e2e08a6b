using System.Diagnostics;
using Shouldly;
using Vigil.Data.Profiling;
using Vigil.Data.Validation;
using Xunit;

namespace Vigil.Data.Tests.Validation;

public sealed class Ai4iValidationTests
{
    private static readonly ValidationOptions Options = new(target: "Machine failure");

    [Fact]
    public void Validate_Ai4i_FlagsExactlyTheFailureModeColumns()
    {
        var frame = Ai4iTestLoader.Load();

        var report = DataValidator.Validate(frame, Options);

        File.WriteAllText(Path.Combine(Path.GetTempPath(), "ai4i-report.txt"), report.ToText() + report.ToJson() + DataProfiler.Profile(frame).ToText());
        report.LeakageSuspects.Select(s => s.Column).ShouldBe(["TWF", "HDF", "PWF", "OSF", "RNF"]);
    }
}
