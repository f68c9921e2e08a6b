namespace Vigil.Architecture.Tests;

/// <summary>The allowed direct project references of every project under src/, from the architecture document.</summary>
internal static class DependencyRules
{
    private static readonly string[] Everything =
    [
        "Vigil.Data", "Vigil.Tracking", "Vigil.Metrics", "Vigil.Mqtt", "Vigil.ML", "Vigil.ML.Neural", "Vigil.Features",
        "Vigil.Tracking.Sql", "Vigil.Monitoring", "Vigil.Chaos", "Vigil.Pipelines", "Vigil.Serving", "Vigil.Sre",
    ];

    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Vigil.Data"] = [],
        ["Vigil.Tracking"] = [],
        ["Vigil.Metrics"] = [],
        ["Vigil.Mqtt"] = [],
        ["Vigil.ML"] = ["Vigil.Data"],
        ["Vigil.ML.Neural"] = ["Vigil.ML", "Vigil.Data"],
        ["Vigil.Features"] = ["Vigil.ML", "Vigil.Data"],
        ["Vigil.Tracking.Sql"] = ["Vigil.Tracking"],
        ["Vigil.Monitoring"] = ["Vigil.Data", "Vigil.Metrics"],
        // The healer must not know the faults: Chaos never references Sre (nor Sre Chaos).
        ["Vigil.Chaos"] = ["Vigil.Data", "Vigil.Metrics"],
        ["Vigil.Pipelines"] = ["Vigil.Data", "Vigil.ML", "Vigil.ML.Neural", "Vigil.Features", "Vigil.Tracking"],
        ["Vigil.Serving"] = ["Vigil.Pipelines", "Vigil.Tracking", "Vigil.Metrics", "Vigil.Mqtt", "Vigil.Data", "Vigil.ML", "Vigil.ML.Neural", "Vigil.Features"],
        ["Vigil.Sre"] = ["Vigil.Monitoring", "Vigil.Serving", "Vigil.Tracking", "Vigil.Metrics", "Vigil.Data"],
        ["Vigil.Server"] = Everything,
        ["Vigil.Cli"] = [.. Everything, "Vigil.Server"],
    };

    /// <summary>Every rule broken by a reference graph: unknown projects, forbidden references and cycles.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var problems = new List<string>();
        foreach (var (project, refs) in references.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!Allowed.TryGetValue(project, out var allowed))
            {
                problems.Add($"{project} is not in the architecture table; add it to DependencyRules with its allowed references.");
                continue;
            }

            foreach (var r in refs)
            {
                if (!allowed.Contains(r, StringComparer.Ordinal))
                {
                    problems.Add($"{project} must not reference {r} (allowed: {(allowed.Length == 0 ? "nothing" : string.Join(", ", allowed))}).");
                }
            }
        }

        problems.AddRange(FindCycles(references));
        return problems;
    }

    private static IEnumerable<string> FindCycles(IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done
        var stack = new List<string>();
        var cycles = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in references.TryGetValue(node, out var refs) ? refs : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycles.Add("cycle: " + string.Join(" -> ", stack.SkipWhile(s => s != next).Append(next)));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in references.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
