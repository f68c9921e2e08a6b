using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Architecture.Tests;

public sealed class DependencyRulesTests
{
    private static string Src => Path.Combine(RepoPaths.Root, "src");

    [Fact]
    public void Violations_SourceProjects_None()
    {
        var graph = ProjectGraph.Read(Src);
        graph.ShouldNotBeEmpty();
        DependencyRules.Violations(graph).ShouldBeEmpty();
    }

    [Fact]
    public void Violations_LowerLayerReferencesHigher_Reported()
    {
        var graph = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Vigil.Data"] = ["Vigil.ML"],
            ["Vigil.ML"] = ["Vigil.Data"],
        };

        var problems = DependencyRules.Violations(graph);

        problems.ShouldContain(p => p.StartsWith("Vigil.Data must not reference Vigil.ML", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("cycle:", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_ChaosReferencesSre_Reported()
    {
        var graph = new Dictionary<string, IReadOnlyList<string>> { ["Vigil.Chaos"] = ["Vigil.Sre"] };

        DependencyRules.Violations(graph).ShouldHaveSingleItem().ShouldContain("must not reference Vigil.Sre");
    }

    [Fact]
    public void Violations_UnknownProject_Reported()
    {
        var graph = new Dictionary<string, IReadOnlyList<string>> { ["Vigil.Mystery"] = [] };

        DependencyRules.Violations(graph).ShouldHaveSingleItem().ShouldContain("not in the architecture table");
    }

    [Fact]
    public void SourceProjects_NoTestOrBenchmarkPackages()
    {
        var forbidden = new[] { "xunit.v3", "Shouldly", "Microsoft.NET.Test.Sdk", "BenchmarkDotNet", "NSubstitute" };
        foreach (var csproj in Directory.EnumerateFiles(Src, "*.csproj", SearchOption.AllDirectories))
        {
            ProjectGraph.PackageReferences(csproj).Intersect(forbidden).ShouldBeEmpty(Path.GetFileName(csproj));
        }
    }

    [Fact]
    public void SourceProjects_EveryOneIsInTheSolution()
    {
        var slnx = File.ReadAllText(Path.Combine(RepoPaths.Root, "Vigil.slnx"));
        foreach (var csproj in Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, csproj).Replace('\\', '/');
            slnx.ShouldContain(relative, customMessage: $"{relative} is not in Vigil.slnx, so dotnet test would not build or run it");
        }
    }
}
