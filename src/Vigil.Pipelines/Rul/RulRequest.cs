namespace Vigil.Pipelines.Rul;

/// <summary>The official C-MAPSS protocol in one request: train, test and truth files, window, cap, model and seed; validated at construction.</summary>
public sealed record RulRequest
{
    /// <summary>Creates a request, reporting every invalid setting together.</summary>
    public RulRequest(string trainPath, string testPath, string truthPath, string model = "gbdt", int window = 30, double cap = 125, int seed = 0, bool clip = false)
    {
        var errors = new List<string>();
        foreach (var (name, path) in new[] { ("train file", trainPath), ("--test", testPath), ("--test-rul", truthPath) })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"{name}: required");
            }
        }

        if (window < 2)
        {
            errors.Add($"--window: {window} must be at least 2");
        }

        if (!(cap > 0))
        {
            errors.Add($"--rul-cap: {cap} must be positive");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        (TrainPath, TestPath, TruthPath, Model, Window, Cap, Seed, Clip) = (trainPath, testPath, truthPath, model, window, cap, seed, clip);
    }

    /// <summary>The training file (e.g. train_FD001.txt).</summary>
    public string TrainPath { get; }

    /// <summary>The test file (e.g. test_FD001.txt).</summary>
    public string TestPath { get; }

    /// <summary>The true RUL of each test unit (e.g. RUL_FD001.txt).</summary>
    public string TruthPath { get; }

    /// <summary>The model family (a regression family of the learner catalog, on window statistics).</summary>
    public string Model { get; }

    /// <summary>The window length in cycles.</summary>
    public int Window { get; }

    /// <summary>The RUL cap of the piecewise-linear labels and of the capped test truth.</summary>
    public double Cap { get; }

    /// <summary>The learner's seed.</summary>
    public int Seed { get; }

    /// <summary>Whether the saved model (and the test score) clamps predictions to [0, cap] (--clip).</summary>
    public bool Clip { get; }
}
